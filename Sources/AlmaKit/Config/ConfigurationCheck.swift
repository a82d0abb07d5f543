/// Everything said about a configuration text, as every command reads it:
/// its structure, the rules its values must follow, and secrets written anywhere in it.
public enum ConfigurationCheck {
    /// - Returns: the configuration when nothing is wrong with it.
    public static func run(_ text: String, file: String, into diagnostics: inout Diagnostics) -> SiteConfig? {
        var found = Diagnostics()
        let config = ConfigLoader().load(text, file: file, into: &found)
        if let config { found.append(contentsOf: ConfigValidator().validate(config)) }
        found.append(contentsOf: SecretScanner().scanConfiguration(text, file: file, reported: found.errors))
        diagnostics.append(contentsOf: found.all)
        return found.hasErrors ? nil : config
    }
}
