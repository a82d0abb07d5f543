import Foundation
import Yams

/// A GitHub Actions workflow, parsed into plain dictionaries and arrays.
struct WorkflowFile {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    typealias Mapping = [String: Any]

    let text: String
    let root: Mapping

    init(_ text: String) throws {
        self.text = text
        // GitHub reads `on:` as a key; YAML 1.1, Yams' default, would read it as `true`.
        let resolver = Resolver.default.removing(.bool)
        guard let root = try Yams.load(yaml: text, resolver) as? Mapping else {
            throw Malformed(description: "the workflow is not a mapping")
        }
        self.root = root
    }

    /// The events that start the workflow, each with its filters (or none).
    var triggers: Mapping { root["on"] as? Mapping ?? [:] }

    var environment: [String: String] { root["env"] as? [String: String] ?? [:] }

    func job(_ name: String) throws -> Mapping {
        guard let job = (root["jobs"] as? Mapping)?[name] as? Mapping else { throw Malformed(description: "no job '\(name)'") }
        return job
    }

    func steps(of name: String) throws -> [Mapping] {
        try job(name)["steps"] as? [Mapping] ?? []
    }

    /// The step with this `id`.
    func step(_ id: String, of job: String) throws -> Mapping {
        guard let step = try steps(of: job).first(where: { $0["id"] as? String == id }) else {
            throw Malformed(description: "no step '\(id)' in job '\(job)'")
        }
        return step
    }

    /// Steps that use an action, by the action's name without its version.
    func steps(using action: String, in job: String) throws -> [Mapping] {
        try steps(of: job).filter { ($0["uses"] as? String)?.split(separator: "@").first.map(String.init) == action }
    }

    /// Every `almakit …` command the `run:` scripts of every job start, as its
    /// arguments: at the start of a line or inside `$(…)`.
    var almakitCommands: [[String]] {
        get throws {
            let jobs = (root["jobs"] as? Mapping ?? [:]).keys
            let scripts = try jobs.flatMap { try steps(of: $0).compactMap { $0["run"] as? String } }
            let command = try Regex(#"(?m)(?:^[ \t]*|\$\()almakit((?:[ \t]+[A-Za-z0-9_./=,-]+)*)"#)
            return scripts.flatMap { script in
                script.matches(of: command).map { match in
                    (match.output[1].substring ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
                }
            }
        }
    }
}
