/// Everything said about a configuration text, as every command reads it:
/// its structure, the rules its values must follow, and secrets written anywhere in it.
public enum ConfigurationCheck {
    /// - Returns: the configuration the rest of a check can go on with: nil
    ///   only when it did not load or its languages are broken, which every
    ///   page depends on. A wrong country, amount or address is reported here
    ///   and the pages are checked all the same, so that one run shows every
    ///   problem; a publishable key that is not one is left out of them.
    public static func run(_ text: String, file: String, into diagnostics: inout Diagnostics) -> SiteConfig? {
        var found = Diagnostics()
        var config = ConfigLoader().load(text, file: file, into: &found)
        let validator = ConfigValidator()
        if let loaded = config {
            // A value the loader could not read is reported once, by the loader.
            let unreadable = Set(found.errors.map(\.location))
            found.append(contentsOf: validator.validate(loaded).filter { !unreadable.contains($0.location) })
            if validator.languageProblems(loaded).contains(where: { $0.severity == .error }) { config = nil }
            // Reported once, at its line, rather than again in every page it would be written into.
            if PublishableKeyRule.problem(with: loaded.merchant.publishableKey) != nil { config?.merchant.publishableKey = "" }
        }
        found.append(contentsOf: SecretScanner().scanConfiguration(text, file: file, reported: found.errors))
        diagnostics.append(contentsOf: found.all)
        return config
    }
}
