import AlmaKitCore
import Foundation

/// Merchant values a guide can write in its prose and code as `{{name}}`,
/// so that the text never disagrees with the configuration.
package struct Placeholders: Sendable {
    /// name -> value, already in the page's language.
    package let values: [String: String]

    package init(values: [String: String]) {
        self.values = values
    }

    package struct Unknown: Equatable {
        package var name: String
        /// 0-based line within the text, and UTF-8 offset within that line.
        package var line: Int
        package var offset: Int
    }

    /// The text with every known `{{name}}` replaced; unknown ones stay as
    /// written (`unknown(in:)` reports them).
    func expand(_ text: String) -> String {
        guard !values.isEmpty, Self.mayHavePlaceholder(text) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}"),
                  let value = values[Self.name(afterOpen[..<close.lowerBound])]
            else {
                result += "{{"
                rest = afterOpen
                continue
            }
            result += value
            rest = afterOpen[close.upperBound...]
        }
        return result + rest
    }

    /// Every `{{name}}` whose name is not a placeholder.
    package func unknown(in text: String) -> [Unknown] {
        guard Self.mayHavePlaceholder(text) else { return [] }
        var found: [Unknown] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let name = Self.name(afterOpen[..<close.lowerBound])
                if values[name] == nil {
                    found.append(Unknown(name: name, line: number, offset: line.utf8.distance(from: line.startIndex, to: open.lowerBound)))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }

    /// A quick look at the bytes before any search: almost no text has "{{".
    static func mayHavePlaceholder(_ text: String) -> Bool {
        text.containsUTF8Twice(UInt8(ascii: "{"))
    }

    private static func name(_ inside: Substring) -> String {
        String(inside).trimmingCharacters(in: .whitespaces)
    }
}
