import Foundation

/// What a payment method accepts. Every eligibility check reads this data, so
/// a change in Alma's terms is a change in one place.
public struct PaymentMethodRules: Sendable {
    public let name: String
    /// Stripe's type name, sent in `payment_method_data.type` and on the PaymentIntent.
    public let stripeType: String
    public let currencies: [String]
    /// Minor units, inclusive.
    public let amounts: ClosedRange<Int>
    /// ISO 3166 codes of the countries whose customers can pay.
    public let countries: [String]
    public let installments: [Int]

    /// Alma: docs.stripe.com/payments/alma and Stripe's Alma terms.
    public static let alma = PaymentMethodRules(
        name: "Alma",
        stripeType: "alma",
        currencies: ["eur"],
        amounts: 5000...200000,
        countries: ["FR", "IT", "ES", "BE", "LU", "NL"],
        installments: [2, 3, 4]
    )
}

extension PaymentMethodRules {
    /// The smallest amount, in whole units as the servers' messages write it: `50`.
    package var minimumText: String { Self.units(amounts.lowerBound) }

    /// The largest amount with its currency: `2,000 EUR`.
    package var maximumText: String { Self.units(amounts.upperBound) + " " + currencies.map { $0.uppercased() }.joined(separator: "/") }

    /// `FR, IT, ES, BE, LU or NL`.
    package var countriesText: String {
        countries.count < 2 ? countries.joined() : countries.dropLast().joined(separator: ", ") + " or " + countries[countries.count - 1]
    }

    private static func units(_ minorUnits: Int) -> String {
        let amount = Decimal(minorUnits) / 100
        return amount.formatted(.number.locale(Locale(identifier: "en_US")))
    }
}
