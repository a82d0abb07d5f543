import Foundation
@testable import AlmaKitCore

/// Loads and validates a configuration text as `almakit build` would.
func diagnose(config text: String) -> (SiteConfig?, Diagnostics) {
    var diagnostics = Diagnostics()
    var loaded = Diagnostics()
    // The configuration even when it has errors, for tests of single rules.
    let config = ConfigLoader().load(text, file: "almakit.yml", into: &loaded)
    _ = ConfigurationCheck.run(text, file: "almakit.yml", into: &diagnostics)
    return (config, diagnostics)
}

/// The valid test configuration with one line replaced.
func config(replacing old: String, with new: String) -> String {
    precondition(TemporaryProject.validConfig.contains(old), "fixture has no '\(old)'")
    return TemporaryProject.validConfig.replacingOccurrences(of: old, with: new)
}
