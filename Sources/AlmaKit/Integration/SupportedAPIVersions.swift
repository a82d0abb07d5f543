/// The Stripe API versions AlmaKit generates code for, with what goes with
/// each: the Stripe.js release, the official libraries' majors, and the
/// parameter that restricts a PaymentIntent to Alma.
public struct SupportedAPIVersion: Sendable {
    public enum Restriction: String, Sendable {
        /// Writable up to 2026-07-29.dahlia; refused with 400 from 2026-09-30.endive.
        case paymentMethodTypes = "payment_method_types"
        /// Added in 2026-07-29.dahlia; drops an ineligible method silently.
        case allowedPaymentMethodTypes = "allowed_payment_method_types"
    }

    public let version: StripeAPIVersion
    /// pip requirement of the official `stripe` package whose major pins this version.
    public let pythonLibrary: String
    /// How that major reaches PaymentIntents from a `StripeClient`: the `v1`
    /// namespace arrived after stripe 12.
    public let pythonPaymentIntents: String

    /// From this date on, `allowed_payment_method_types` is the parameter to send.
    static let allowedPaymentMethodTypesSince = "2026-07-29"

    public var restriction: Restriction {
        version.date >= Self.allowedPaymentMethodTypesSince ? .allowedPaymentMethodTypes : .paymentMethodTypes
    }

    public static let all: [SupportedAPIVersion] = [
        SupportedAPIVersion(
            version: StripeAPIVersion("2025-03-31.basil")!,
            pythonLibrary: "stripe>=12,<13", pythonPaymentIntents: "client.payment_intents"),
        SupportedAPIVersion(
            version: StripeAPIVersion("2026-10-28.endive")!,
            pythonLibrary: "stripe>=16,<17", pythonPaymentIntents: "client.v1.payment_intents"),
    ]

    public static func find(_ version: StripeAPIVersion) -> SupportedAPIVersion? {
        all.first { $0.version == version }
    }
}
