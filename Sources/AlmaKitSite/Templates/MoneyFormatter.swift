import AlmaKitCore
import Foundation

/// Amounts in minor units written the way readers of a language expect:
/// `50,99 €` in French, `€50.99` in English.
public struct MoneyFormatter: Sendable {
    public init() {}

    public func format(minorUnits: Int, currency: String, language: String) -> String {
        let amount = Decimal(minorUnits) / 100
        return amount.formatted(.currency(code: currency.uppercased()).locale(Locale(identifier: language)))
    }
}
