//
// AlmaKit's addition to its copy of swift-mustache (see README.md).
//

/// A string that a template prints without any question to the Swift
/// runtime. A plain `String` value is asked, value by value, whether it is a
/// template, a lambda, a custom renderable or an optional, each a lookup in
/// the runtime's conformance cache; a `MustacheText` is recognised by a
/// check of its type alone. Templates see no difference: the same text,
/// escaped the same way, true in a section, and the same transforms.
public struct MustacheText: MustacheCustomRenderable, MustacheTransformable, Sendable, Equatable {
    public let renderText: String

    public init(_ text: String) {
        renderText = text
    }

    public var isNull: Bool { false }

    public func transform(_ name: String) -> Any? {
        renderText.transform(name)
    }
}
