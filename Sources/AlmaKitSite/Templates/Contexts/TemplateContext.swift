import Mustache
import AlmaKitCore

/// A template context whose names are the cases of its `Key`: what
/// `child(named:)` answers and what the template check accepts come from
/// the same list, so the two cannot drift apart. A name that is not a key
/// answers nil, and Mustache looks it up in the enclosing contexts.
/// `MustacheKnownParent`: no context is a custom representation, so
/// Mustache asks one question of each, not two.
protocol TemplateContext: MustacheKnownParent {
    associatedtype Key: RawRepresentable<String>, CaseIterable

    /// The value under `key`; nil when the page has none (`{{#previous}}` on the first page).
    func value(of key: Key) -> Any?

    /// `value(of:)` with its kind in the case: Mustache renders a text,
    /// number or flag from it with no `Any` box and no cast. The contexts
    /// every guide page reads give it; for the others it wraps `value(of:)`.
    func typedValue(of key: Key) -> MustacheValue?

    /// What a section over `key` reads inside it: the names of the value, or
    /// of each element of a list. Plain values (text, numbers, flags) have none.
    static func shape(of key: Key) -> TemplateShape

    /// Every name a template can read from this context.
    static var shape: TemplateShape { get }
}

extension TemplateContext {
    // `Key(rawValue:)` compares the name with the keys' literals: no
    // allocation, where a dictionary would hash the name.
    func child(named name: String) -> Any? {
        Key(rawValue: name).flatMap(value(of:))
    }

    func value(named name: String) -> MustacheValue? {
        Key(rawValue: name).flatMap(typedValue(of:))
    }

    func typedValue(of key: Key) -> MustacheValue? {
        value(of: key).map { .other($0) }
    }

    static func shape(of key: Key) -> TemplateShape { .value }

    static var shape: TemplateShape { ownShape }

    static var ownShape: TemplateShape {
        .names(Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, shape(of: $0)) }))
    }
}

/// A context whose values are typed at the source (`typedValue(of:)`):
/// `value(of:)`, what `child(named:)` answers, is derived from them.
protocol TypedTemplateContext: TemplateContext {}

extension TypedTemplateContext {
    func value(of key: Key) -> Any? { typedValue(of: key)?.any }
}

/// A page drawn inside `layout.html` or `payment-layout.html`: its own names
/// first, then the layout's, which every page shares.
protocol LayoutPage: TemplateContext {
    var layout: PageLayout { get }
}

extension LayoutPage {
    func child(named name: String) -> Any? {
        guard let key = Key(rawValue: name) else { return layout.child(named: name) }
        return value(of: key)
    }

    func value(named name: String) -> MustacheValue? {
        guard let key = Key(rawValue: name) else { return layout.value(named: name) }
        return typedValue(of: key)
    }

    static var shape: TemplateShape { ownShape.adding(PageLayout.shape) }
}

/// What a template can read from a value, as the template check sees it.
indirect enum TemplateShape: Sendable {
    /// Text, a number or a flag: nothing inside.
    case value
    /// An object, or each element of a list: the names it answers.
    case names([String: TemplateShape])
    /// The strings catalogue (`{{t.name}}`): the keys every language's catalogue has.
    case strings

    /// A context that answers nothing: `guide.js`, the assets.
    static let empty = TemplateShape.names([:])

    /// The names inside, given the strings catalogue's keys.
    func names(strings: Set<String>) -> [String: TemplateShape] {
        switch self {
        case .value: [:]
        case .names(let names): names
        case .strings: Dictionary(uniqueKeysWithValues: strings.map { ($0, .value) })
        }
    }

    /// Both shapes' names; this one's where both have one.
    func adding(_ other: TemplateShape) -> TemplateShape {
        guard case .names(let own) = self, case .names(let others) = other else { return self }
        return .names(own.merging(others) { mine, _ in mine })
    }
}

/// The context of the templates that read no value: `guide.js`, the assets.
struct EmptyContext: MustacheKnownParent {
    func child(named: String) -> Any? { nil }
}
