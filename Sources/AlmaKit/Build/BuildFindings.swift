import AlmaKitCore

/// What each step of a build found, kept apart per step so that the report
/// lists problems in pipeline order whatever order the cores finished in.
struct BuildFindings: Sendable {
    var configuration: [Diagnostic] = []
    /// Listing and reading the pages: each page's own problems carry its file.
    var reading: [Diagnostic] = []
    /// Output collisions, translation groups, strings, templates.
    var structure: [Diagnostic] = []
    var translationStatus: [Diagnostic] = []
    /// Links, snippets and placeholders of each page, by source path.
    var guides: [String: [Diagnostic]] = [:]
    var templates: [Diagnostic] = []
    /// Key-shaped strings found in the output, each at its output file.
    var secrets: [Diagnostic] = []
    /// Writing the output.
    var writing: [Diagnostic] = []
    var strict = false

    /// - Parameter pageOrder: the pages' source paths, in the order their problems are listed.
    func all(pageOrder: [String]) -> Diagnostics {
        var diagnostics = Diagnostics(configuration + reading + structure + translationStatus)
        for source in pageOrder { diagnostics.append(contentsOf: guides[source] ?? []) }
        diagnostics.append(contentsOf: templates + secrets + writing)
        if strict { diagnostics.promoteWarnings() }
        return diagnostics
    }

    /// Whether anything found so far stops the site from being published.
    var hasErrors: Bool {
        all(pageOrder: Array(guides.keys)).hasErrors
    }
}
