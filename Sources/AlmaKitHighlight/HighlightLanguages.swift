import AlmaKitCore

/// The languages we highlight. Heredocs, regular-expression literals, Ruby's
/// `=begin`/`=end` and similar rarities are left as plain text on purpose.
extension HighlightLanguage {
    private typealias D = Delimited

    static let shell = HighlightLanguage(
        keywords: """
            if then else elif fi case esac for select while until do done in function time
            return break continue exit local export readonly declare unset source alias
            """,
        lineComments: ["#"],
        strings: [
            D("\"", multiline: true, interpolates: true, substitutesCommands: true),
            D("'", escape: .none, multiline: true),
            D("$'", "'", multiline: true),
        ],
        words: .shell,
        variables: .shell,
        commentsNeedSpaceBefore: true,
        backslashEscapesOutsideStrings: true
    )

    static let ruby = HighlightLanguage(
        keywords: """
            BEGIN END alias and begin break case class def defined do else elsif end ensure
            false for if in module next nil not or redo rescue retry return self super then
            true undef unless until when while yield __FILE__ __LINE__ __method__
            require require_relative raise private protected public attr_reader attr_writer attr_accessor
            """,
        lineComments: ["#"],
        strings: [
            D("\"", multiline: true),
            D("'", multiline: true),
            D("`", multiline: true),
        ],
        variables: .ruby
    )

    static let python = HighlightLanguage(
        keywords: """
            False None True and as assert async await break class continue def del elif else
            except finally for from global if import in is lambda nonlocal not or pass raise
            return try while with yield
            """,
        lineComments: ["#"],
        strings: [
            D("\"\"\"", multiline: true),
            D("'''", multiline: true),
            D("\""),
            D("'"),
        ],
        stringPrefixes: "r u b f br rb fr rf"
    )

    static let javaScript = HighlightLanguage(
        keywords: """
            async await break case catch class const continue debugger default delete do else
            export extends false finally for from function if import in instanceof let new null
            of return static super switch this throw true try typeof undefined var void while
            with yield
            """,
        lineComments: ["//"],
        blockComments: [.blockComment("/*", "*/")],
        strings: [
            D("\""),
            D("'"),
            D("`", multiline: true),
        ]
    )

    static let php = HighlightLanguage(
        keywords: """
            abstract and array as break callable case catch class clone const continue declare
            default do echo else elseif empty enddeclare endfor endforeach endif endswitch
            endwhile enum extends final finally fn for foreach function global goto if
            implements include include_once instanceof insteadof interface isset list match
            namespace new or print private protected public readonly require require_once
            return static switch throw trait try unset use var while xor yield
            true false null TRUE FALSE NULL
            """,
        lineComments: ["//", "#"],
        blockComments: [.blockComment("/*", "*/")],
        strings: [
            D("\"", multiline: true, interpolates: true, substitutesCommands: true),
            D("'", multiline: true),
        ],
        variables: .php
    )

    static let go = HighlightLanguage(
        keywords: """
            break case chan const continue default defer else fallthrough for func go goto if
            import interface map package range return select struct switch type var
            true false nil iota
            """,
        lineComments: ["//"],
        blockComments: [.blockComment("/*", "*/")],
        strings: [
            D("\""),
            D("'"),
            // Raw strings: no escapes at all, may span lines.
            D("`", escape: .none, multiline: true),
        ]
    )

    static let java = HighlightLanguage(
        keywords: """
            abstract assert boolean break byte case catch char class const continue default do
            double else enum extends final finally float for goto if implements import
            instanceof int interface long native new package permits private protected public
            record return sealed short static strictfp super switch synchronized this throw
            throws transient try var void volatile while yield true false null
            """,
        lineComments: ["//"],
        blockComments: [.blockComment("/*", "*/")],
        strings: [
            D("\"\"\"", multiline: true),  // text block
            D("\""),
            D("'"),
        ]
    )

    static let cSharp = HighlightLanguage(
        keywords: """
            abstract as async await base bool break byte case catch char checked class const
            continue decimal default delegate do double dynamic else enum event explicit extern
            false finally fixed float for foreach get goto if implicit in init int interface
            internal is lock long nameof namespace new null object operator out override params
            private protected public readonly record ref return sbyte sealed set short sizeof
            stackalloc static string struct switch this throw true try typeof uint ulong
            unchecked unsafe ushort using var virtual void volatile when where while yield
            """,
        lineComments: ["//"],
        blockComments: [.blockComment("/*", "*/")],
        strings: [
            D("\"\"\"", escape: .none, multiline: true),  // raw string literal
            // Verbatim strings: backslashes are literal, `""` is a quote.
            D("@\"", "\"", escape: .doubledClose, multiline: true),
            D("$@\"", "\"", escape: .doubledClose, multiline: true),
            D("@$\"", "\"", escape: .doubledClose, multiline: true),
            D("$\"", "\""),
            D("\""),
            D("'"),
        ]
    )

    static let yaml = HighlightLanguage(
        keywords: "true false null True False Null TRUE FALSE NULL",
        lineComments: ["#"],
        strings: [
            D("\""),
            D("'", escape: .doubledClose),
        ],
        words: .yaml,
        commentsNeedSpaceBefore: true,
        quotesNeedBoundary: true,
        keysBeforeColon: true
    )

    static let json = HighlightLanguage(
        keywords: "true false null",
        strings: [D("\"")],
        keysBeforeColon: true
    )
}
