/// The Stripe API versions AlmaKit generates code for, with what goes with
/// each: the Stripe.js release, the official libraries' majors, and the
/// parameter that restricts a PaymentIntent to Alma.
public struct SupportedAPIVersion: Sendable {
    public enum Restriction: String, Sendable {
        /// Writable up to 2026-07-29.dahlia; refused with 400 from 2026-09-30.endive.
        case paymentMethodTypes = "payment_method_types"
        /// Added in 2026-07-29.dahlia; drops an ineligible method silently.
        case allowedPaymentMethodTypes = "allowed_payment_method_types"

        /// The parameter of any version, supported or not: it depends on the date alone.
        package init(for version: StripeAPIVersion) {
            self = version.date >= SupportedAPIVersion.allowedPaymentMethodTypesSince ? .allowedPaymentMethodTypes : .paymentMethodTypes
        }
    }

    public let version: StripeAPIVersion
    public let libraries: StripeLibraries

    /// From this date on, `allowed_payment_method_types` is the parameter to send.
    static let allowedPaymentMethodTypesSince = "2026-07-29"

    public var restriction: Restriction {
        Restriction(for: version)
    }

    // Majors from each library's changelog ("This release changes the pinned
    // API version to ..."): basil is 2025-03-31 in python 12, ruby 14/15,
    // node 18, php 17, go v82, java 29, dotnet 48; endive is 2026-09-30 in
    // node 23, php 22, go v87, java 34, dotnet 53, ruby 20, and 2026-10-28 in
    // python 16.1, node 23.1 and dotnet 53.1. Ruby, Python, Node and PHP send
    // the configured version themselves; Go, Java and .NET send their own, so
    // their servers refuse another release and log the exact version they send.
    public static let all: [SupportedAPIVersion] = [
        SupportedAPIVersion(
            version: StripeAPIVersion("2025-03-31.basil")!,
            libraries: StripeLibraries(
                python: "stripe>=12,<13", pythonPaymentIntents: "client.payment_intents",
                ruby: "~> 15.0", node: "^18.0.0", php: "^17.0",
                goModule: "github.com/stripe/stripe-go/v82", goModuleVersion: "v82.1.0",
                java: "29.0.0", dotnet: "48.0.0")),
        SupportedAPIVersion(
            version: StripeAPIVersion("2026-10-28.endive")!,
            libraries: StripeLibraries(
                python: "stripe>=16.1,<17", pythonPaymentIntents: "client.v1.payment_intents",
                ruby: "~> 20.0", node: "^23.1.0", php: "^22.0",
                goModule: "github.com/stripe/stripe-go/v87", goModuleVersion: "v87.0.0",
                java: "34.0.0", dotnet: "53.1.0")),
    ]

    public static func find(_ version: StripeAPIVersion) -> SupportedAPIVersion? {
        all.first { $0.version == version }
    }
}

/// The official Stripe library of each server language, as its dependency
/// manifest names it.
public struct StripeLibraries: Sendable {
    /// pip requirement.
    public let python: String
    /// How that major reaches PaymentIntents from a `StripeClient`: the `v1`
    /// namespace arrived after stripe 12.
    public let pythonPaymentIntents: String
    /// Gemfile requirement.
    public let ruby: String
    /// package.json range.
    public let node: String
    /// composer.json constraint.
    public let php: String
    /// Go module path: the major is part of it.
    public let goModule: String
    public let goModuleVersion: String
    /// Exact Maven version.
    public let java: String
    /// Exact NuGet version.
    public let dotnet: String
}
