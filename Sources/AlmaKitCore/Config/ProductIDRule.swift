import Foundation

/// A product's id names its checkout page (`checkout/<id>.html`) and travels
/// in form fields and query strings, so it is kept to what needs no escaping
/// anywhere: lower-case letters, digits and hyphens.
package enum ProductIDRule {
    package static let maximumLength = 40

    package static func isValid(_ id: String) -> Bool {
        (1...maximumLength).contains(id.count) && id.unicodeScalars.allSatisfy(isAllowed)
    }

    /// The id a written one was probably meant to be: `Lampe Atelier` → `lampe-atelier`.
    static func suggestion(for written: String) -> String? {
        let folded = written.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let words = folded.unicodeScalars.split { !isAllowed($0) || $0 == "-" }.map { String(String.UnicodeScalarView($0)) }
        let suggestion = String(words.joined(separator: "-").prefix(maximumLength))
        return isValid(suggestion) && suggestion != written ? suggestion : nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }
}
