import AlmaKitCore

/// Finds the names a template reads that its context does not have: Mustache
/// prints such a name as nothing, so a misspelt `{{titel}}` would only show
/// as a blank in the site.
///
/// Each template the build renders is walked with its context's shape
/// (`contextShape(of:)`), the way Mustache resolves names: a section's
/// names on its value first, then outwards; `{{a.b}}` on what `a` is;
/// partials and parents with the including template's context.
struct TemplateNameCheck {
    /// A name that does not resolve, where it is written.
    struct UnknownName {
        var template: String
        var name: String
        var line: Int
        var column: Int
        /// The known name it was probably meant to be.
        var suggestion: String?
    }

    /// Template name -> its tags.
    let templates: [String: [TemplateTag]]
    /// The keys of the strings catalogue, which `{{t.name}}` reads.
    let strings: Set<String>

    /// The shape of the context the build renders template `name` with; nil
    /// for a template only ever included by others (`layout.html`), checked
    /// in each one that includes it, and for `init/` ones, which `almakit
    /// init` fills from AlmaKit's own copies.
    static func contextShape(of name: String) -> TemplateShape? {
        switch name {
        case "page.html": GuidePage.shape
        case "checkout.html", "return.html", GeneratedPages.paymentError: PaymentPage.shape
        case GeneratedPages.productListTemplate: ProductListPage.shape
        case "home.html", "landing.html", "404.html": SimplePage.shape
        case "nav-items.html": NavigationList.shape
        case "sitemap.xml": Sitemap.shape
        case GeneratedPages.staticHostHeaders: StaticHostHeaders.shape
        case "client.js", ClientScript.confirmSnippet: ClientScriptContext.shape
        case "guide.js": .empty
        case _ where name.hasPrefix("server/"): ServerContext.shape
        case _ where name.hasPrefix(TemplateSet.assetsFolder): .empty
        default: nil
        }
    }

    /// Every unknown name of every template the build renders, each once
    /// however many pages include the template it is written in.
    func unknownNames() -> [UnknownName] {
        var found: [UnknownName] = []
        var seen = Set<[String]>()
        for name in templates.keys.sorted() {
            guard let shape = Self.contextShape(of: name) else { continue }
            var walk = Walk(check: self)
            walk.visit(name, scopes: [shape], blocks: [:], including: [])
            for unknown in walk.found where seen.insert([unknown.template, String(unknown.line), String(unknown.column)]).inserted {
                found.append(unknown)
            }
        }
        return found
    }

    private struct Walk {
        let check: TemplateNameCheck
        var found: [UnknownName] = []

        /// A block a child template fills, with the template it is written in.
        typealias Block = (template: String, tags: [TemplateTag])

        mutating func visit(_ template: String, scopes: [TemplateShape], blocks: [String: Block], including: Set<String>) {
            // A template that includes itself would never end: Mustache's render would not either.
            guard let tags = check.templates[template], !including.contains(template) else { return }
            walk(tags, in: template, scopes: scopes, blocks: blocks, including: including.union([template]))
        }

        mutating func walk(_ tags: [TemplateTag], in template: String, scopes: [TemplateShape], blocks: [String: Block], including: Set<String>) {
            for tag in tags {
                switch tag {
                case .name(let name, let position):
                    _ = resolve(name, at: position, in: template, scopes: scopes)
                case .section(let name, let position, let inverted, let inner):
                    let shape = resolve(name, at: position, in: template, scopes: scopes)
                    // An inverted section renders when there is nothing to look into.
                    let inside = inverted ? scopes : scopes + [shape ?? .value]
                    walk(inner, in: template, scopes: inside, blocks: blocks, including: including)
                case .partial(let name):
                    visit(name, scopes: scopes, blocks: blocks, including: including)
                case .parent(let name, let own):
                    // The outermost child's blocks win, as Mustache fills them.
                    let filled = blocks.merging(own.mapValues { (template, $0) }) { outer, _ in outer }
                    visit(name, scopes: scopes, blocks: filled, including: including)
                case .block(let name, let fallback):
                    if let block = blocks[name] {
                        walk(block.tags, in: block.template, scopes: scopes, blocks: blocks, including: including)
                    } else {
                        walk(fallback, in: template, scopes: scopes, blocks: blocks, including: including)
                    }
                }
            }
        }

        /// The shape `name` reads, or nil after recording it as unknown.
        mutating func resolve(_ name: String, at position: TemplateTag.Position, in template: String, scopes: [TemplateShape]) -> TemplateShape? {
            // `{{.}}` is the section's own value; `{{first()}}` reads the list's position.
            guard !name.isEmpty, name != "." else { return scopes.last }
            let parts = name.split(separator: ".").map(String.init)
            // `{{.name}}` looks in the innermost context only.
            let searched = name.hasPrefix(".") ? Array(scopes.suffix(1)) : scopes
            var candidates = Set<String>()
            var shape: TemplateShape?
            for scope in searched.reversed() {
                let names = scope.names(strings: check.strings)
                candidates.formUnion(names.keys)
                if let found = names[parts[0]] {
                    shape = found
                    break
                }
            }
            var failed = 0
            if var current = shape {
                // Mustache does not look outwards again once the first part is found.
                for (index, part) in parts.enumerated().dropFirst() {
                    let names = current.names(strings: check.strings)
                    guard let next = names[part] else {
                        failed = index
                        candidates = Set(names.keys)
                        shape = nil
                        break
                    }
                    current = next
                }
                if shape != nil { return current }
            }
            let suggestion = Suggestion.nearest(to: parts[failed], among: candidates.sorted()).map { suggested in
                (parts[..<failed] + [suggested]).joined(separator: ".")
            }
            found.append(UnknownName(template: template, name: name, line: position.line, column: position.column, suggestion: suggestion))
            return nil
        }
    }
}
