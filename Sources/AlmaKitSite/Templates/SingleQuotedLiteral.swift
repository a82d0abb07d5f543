import AlmaKitCore
import Foundation

/// A string literal for PHP and Ruby, single-quoted: there a backslash and a
/// quote are the only escapes, so nothing else in the value can mean
/// anything. Their double-quoted strings would not do: PHP interpolates `$`
/// and keeps `\u003C` as six characters; Ruby interpolates `#{`.
public enum SingleQuotedLiteral {
    public static func string(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

/// A word for the POSIX shell, single-quoted: nothing is special inside but
/// the quote itself, which ends the word, is escaped outside, and starts a new one.
public enum ShellLiteral {
    public static func string(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
