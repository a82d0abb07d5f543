/// A Stripe API version such as `2026-10-28.endive`: a date and the name of
/// the release it belongs to. The release also names the Stripe.js build,
/// which is tied to the API version of the same name.
public struct StripeAPIVersion: Sendable, Hashable, CustomStringConvertible {
    public let date: String
    public let release: String

    /// The newest version AlmaKit knows; used when the configuration names none.
    public static let latest = StripeAPIVersion("2026-10-28.endive")!

    /// - Parameter string: `YYYY-MM-DD.release`; nil for any other shape.
    public init?(_ string: String) {
        let parts = string.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let date = String(parts[0]), release = String(parts[1])
        let dateParts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count == 3,
              dateParts.map(\.count) == [4, 2, 2],
              dateParts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(dateParts[1]), (1...12).contains(month),
              let day = Int(dateParts[2]), (1...31).contains(day),
              !release.isEmpty, release.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return nil }
        self.date = date
        self.release = release
    }

    public var description: String { "\(date).\(release)" }

    public var stripeJSURL: String { "https://js.stripe.com/\(release)/stripe.js" }
}
