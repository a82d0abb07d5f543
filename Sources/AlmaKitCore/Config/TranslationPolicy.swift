/// What a site accepts of its translations (`site.translations` in
/// `almakit.yml`), so that CI's `check --strict` fails on what matters to it
/// only: a site that publishes new pages before they are translated allows
/// `missing`, and still refuses `stale`.
public struct TranslationPolicy: Sendable, Equatable {
    public enum Treatment: String, Sendable, CaseIterable {
        /// Not reported by `check`; `almakit translations` still lists it.
        case allowed
        /// Reported; an error under `--strict`.
        case warning
        /// Always an error.
        case error
    }

    public var missing = Treatment.warning
    public var stale = Treatment.warning
    public var untracked = Treatment.warning

    static let keys = ["missing", "stale", "untracked"]

    public init() {}
}
