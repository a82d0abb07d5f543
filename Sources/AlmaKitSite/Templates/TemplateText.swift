import AlmaKitCore
import Mustache

/// A string in a template context that swift-mustache renders without
/// guessing what it is.
///
/// For a plain `String`, Mustache asks the Swift runtime, value by value,
/// whether it is a template, a lambda or an optional, then prints it with
/// `String(describing:)`, which asks again; each question is a lookup in the
/// runtime's conformance cache. A custom renderable is answered at the
/// second question. A guide page reads about a hundred values, so the
/// layout every page shares and the guide pages' own values use this; the
/// few other pages keep plain strings. Templates see no difference: the same
/// text, escaped the same way, true in a section, and the same transforms
/// (`{{uppercased(title)}}`).
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, Sendable, Equatable {
    let renderText: String

    init(_ text: String) {
        renderText = text
    }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        renderText.transform(name)
    }
}
