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
