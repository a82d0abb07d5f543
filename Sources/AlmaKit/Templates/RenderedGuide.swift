/// A guide page whose Markdown has been turned into HTML.
public struct RenderedGuide: Sendable {
    public var page: Page
    public var html: String
}
