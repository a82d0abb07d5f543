// AlmaKit: `Parser.read(until:)` finds a set's members by their UTF-8 bytes
// (`ASCIIStops`). These compare it with the Character walk it replaced, on
// the texts where a byte and a Character disagree.

import XCTest

@testable import Mustache

final class ParserScanTests: XCTestCase {
    /// What `read(until:)` returned before: the text up to the first
    /// Character in `set`, and whether one was found.
    private func walk(_ text: String, from start: String.Index, until set: Set<Character>) -> (Substring, found: Bool) {
        var index = start
        while index != text.endIndex {
            if set.contains(text[index]) { return (text[start..<index], true) }
            index = text.index(after: index)
        }
        return (text[start...], false)
    }

    private let texts = [
        "", "plain text", "{{tag}}", "line\nnext", "é{{tag}}", "café\n", "caf\u{E9}{",
        "windows\r\nline{", "lone\rcr{", "\r\n", "a\r\n{", "{\u{301}accented brace{x",
        "\n\u{301}combined newline\n", "\u{600}{prepended", "\u{600}\nprepended newline",
        "emoji 👩‍👩‍👧{", "🇫🇷\n", "tab\t{", "end {", "{", "\n", "no stop at all é",
    ]
    private let sets: [Set<Character>] = [["\n", "\r\n", "{"], ["\n", "{"], ["\r\n", "{"], ["{"], ["<", "\n"], ["é", "{"]]

    func testFindsWhatTheCharacterWalkFinds() throws {
        for text in texts {
            for set in sets {
                var starts = [text.startIndex]
                var index = text.startIndex
                while index != text.endIndex {
                    index = text.index(after: index)
                    starts.append(index)
                }
                for start in starts {
                    let (expected, found) = walk(text, from: start, until: set)
                    var parser = Parser(text)
                    parser.unsafeSetPosition(start)
                    let read = try parser.read(until: set, throwOnOverflow: false)
                    XCTAssertEqual(read, expected, "\(text.debugDescription) from \(text[..<start].count) until \(set)")
                    XCTAssertEqual(parser.position, expected.endIndex, "\(text.debugDescription) until \(set)")
                    var throwing = Parser(text)
                    throwing.unsafeSetPosition(start)
                    if found {
                        XCTAssertEqual(try throwing.read(until: set), expected)
                    } else {
                        XCTAssertThrowsError(try throwing.read(until: set))
                        XCTAssertEqual(throwing.position, start, "an overflow leaves the position where it was")
                    }
                }
            }
        }
    }

    /// Non-ASCII text around tags renders as before. A prepended mark makes
    /// one Character of itself and the brace that follows, so no tag starts
    /// there: the Character walk said so too.
    func testTemplatesWithNonASCIITextRenderAsBefore() throws {
        let template = try MustacheTemplate(string: "Payé\r\n{{montant}} €\n\u{600}{{x}}\n{\u{301}")
        XCTAssertEqual(template.render(["montant": "12", "x": "y"]), "Payé\r\n12 €\n\u{600}{{x}}\n{\u{301}")
    }
}
