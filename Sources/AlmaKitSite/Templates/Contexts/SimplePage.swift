import AlmaKitCore

/// A page that is the layout and a description only: the generated home
/// (`home.html`), the landing page (`landing.html`) and the 404 pages
/// (`404.html`). The three read the same names, so they share the type.
struct SimplePage: LayoutPage {
    enum Key: String, CaseIterable {
        case description
    }

    var layout: PageLayout
    var description: String

    func value(of key: Key) -> Any? {
        switch key {
        case .description: description
        }
    }
}
