import Yams

/// One YAML mapping read against a fixed set of keys: unknown and duplicate
/// keys become diagnostics, and every typed read reports where it failed.
package struct YAMLMapping {
    let source: YAMLSource
    /// Dotted path of this mapping in the document (`merchant.product`), for messages.
    let path: String
    let node: Node
    private let entries: [(key: Node, value: Node)]

    /// Returns nil (and reports) when `node` is not a mapping.
    package init?(_ node: Node, path: String, source: YAMLSource, into diagnostics: inout Diagnostics) {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(id: "yaml.not-a-mapping",
                at: source.location(of: node),
                "'\(path)' must be a mapping of keys to values",
                hint: "write it as indented 'key: value' lines"))
            return nil
        }
        self.source = source
        self.path = path
        self.node = node
        self.entries = mapping.map { ($0.key, $0.value) }
    }

    var location: SourceLocation { source.location(of: node) }

    package var keys: [String] { entries.compactMap { $0.key.string } }

    func value(_ key: String) -> Node? {
        entries.first { $0.key.string == key }?.value
    }

    package func keyLocation(_ key: String) -> SourceLocation {
        guard let entry = entries.first(where: { $0.key.string == key }) else { return location }
        return source.location(of: entry.key)
    }

    func qualified(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Reports keys outside `known` (with the nearest known key suggested) and keys given twice.
    package func checkKeys(_ known: [String], elsewhere: [String: String] = [:], into diagnostics: inout Diagnostics) {
        var seen: Set<String> = []
        for entry in entries {
            let key = entry.key.string ?? ""
            let location = source.location(of: entry.key)
            if !seen.insert(key).inserted {
                diagnostics.append(.error(id: "yaml.key-given-twice", at: location, "'\(qualified(key))' is given twice", hint: "keep one of them"))
                continue
            }
            guard !known.contains(key) else { continue }
            var hint = "known keys here: \(known.joined(separator: ", "))"
            if let suggestion = Suggestion.nearest(to: key, among: known) {
                hint = "did you mean '\(suggestion)'?"
            } else if let section = elsewhere[key] {
                hint = "'\(key)' belongs under '\(section)'"
            }
            diagnostics.append(.error(id: "yaml.unknown-key", at: location, "unknown key '\(qualified(key))'", hint: hint))
        }
    }

    /// The mapping under `key`, when present and a mapping.
    func mapping(_ key: String, into diagnostics: inout Diagnostics) -> YAMLMapping? {
        guard let node = value(key) else { return nil }
        return YAMLMapping(node, path: qualified(key), source: source, into: &diagnostics)
    }

    package func string(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> String? {
        guard let node = present(key, required: required, into: &diagnostics) else { return nil }
        guard let scalar = node.scalar else {
            diagnostics.append(.error(id: "yaml.not-a-single-value", at: source.location(of: node), "'\(qualified(key))' must be a single value"))
            return nil
        }
        return scalar.string
    }

    /// - Parameter hint: worked out only for a value that is no whole number.
    package func int(_ key: String, required: Bool, hint: @autoclosure () -> String = "write digits only, without quotes",
                     into diagnostics: inout Diagnostics) -> Int? {
        guard let node = present(key, required: required, into: &diagnostics) else { return nil }
        // A quoted "5099" is text in YAML: a number must be written as one.
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any, let value = Int(scalar.string) else {
            let written = node.scalar.map { $0.style == .plain || $0.style == .any ? "'\($0.string)'" : "the text \"\($0.string)\"" }
            diagnostics.append(.error(id: "yaml.not-a-whole-number",
                at: source.location(of: node),
                "'\(qualified(key))' must be a whole number, not \(written ?? "a list or mapping")",
                hint: hint()))
            return nil
        }
        return value
    }

    package func bool(_ key: String, into diagnostics: inout Diagnostics) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let value = node.bool else {
            diagnostics.append(.error(id: "yaml.not-true-or-false", at: source.location(of: node), "'\(qualified(key))' must be true or false"))
            return nil
        }
        return value
    }

    /// A list of scalars, each with its location.
    func stringList(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> [(String, SourceLocation)]? {
        guard let node = present(key, required: required, into: &diagnostics) else { return nil }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(id: "yaml.not-a-list",
                at: source.location(of: node),
                "'\(qualified(key))' must be a list",
                hint: "write it as [a, b] or as '- a' lines"))
            return nil
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            guard let string = item.scalar?.string else {
                diagnostics.append(.error(id: "yaml.not-a-single-value", at: source.location(of: item), "each item of '\(qualified(key))' must be a single value"))
                continue
            }
            items.append((string, source.location(of: item)))
        }
        return items
    }

    package func location(ofValue key: String) -> SourceLocation {
        value(key).map { source.location(of: $0) } ?? keyLocation(key)
    }

    /// YAML's spellings of "no value", written without quotes.
    private static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func present(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> Node? {
        if let node = value(key), !Self.isNull(node) {
            return node
        }
        if required {
            diagnostics.append(.error(id: "yaml.missing-key", at: value(key) == nil ? location : keyLocation(key), "'\(qualified(key))' is missing", hint: "add '\(key):' under '\(path.isEmpty ? "the top level" : path)'"))
        }
        return nil
    }
}
