import AlmaKit
import AlmaKitCore
import AlmaKitPreview
import ArgumentParser
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on 127.0.0.1, rebuilding and reloading pages as you edit.")

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The port to serve on.")
    var port: Int = 4000

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        if let problem = PortCheck.problem(port: port) {
            Terminal.error("error: \(problem)")
            Terminal.error("  hint: stop it, or preview on another port: almakit serve --port \(port == 65535 ? port - 1 : port + 1)")
            throw ExitCode(1)
        }
        let options = project.buildOptions
        let firstBuild = Locked(true)
        let shownWarnings = Locked(Set<Diagnostic>())
        let paths = Self.endpointPaths(options)
        let server = PreviewServer(options: options, port: port, clientSecretPath: paths.clientSecret, checkoutPath: paths.checkout) { state in
            // Errors every time, since the edit must fix them; warnings once,
            // until they change, so an edit's own result is not lost among them.
            let warnings = Set(state.diagnostics.all.filter { $0.severity == .warning })
            let warningsChanged = shownWarnings.withLock { shown in
                defer { shown = warnings }
                return shown != warnings
            }
            let shown = state.diagnostics.all.filter { $0.severity == .error || warningsChanged }
            Terminal.printDiagnostics(Diagnostics(shown), project: project.directory)
            let milliseconds = Int(state.lastBuildSeconds * 1000)
            if state.diagnostics.hasErrors {
                Terminal.error("build failed (\(Terminal.summary(state.diagnostics))); still serving the last good site")
            } else if let updated = state.updatedFiles {
                let named = updated.prefix(3).joined(separator: ", ") + (updated.count > 3 ? " and \(updated.count - 3) more" : "")
                Terminal.error(updated.isEmpty ? "rebuilt in \(milliseconds) ms: nothing changed" : "updated \(named) in \(milliseconds) ms")
            } else {
                Terminal.error("built in \(milliseconds) ms")
            }
            if firstBuild.withLock({ $0 }) {
                firstBuild.withLock { $0 = false }
                Terminal.output("serving http://127.0.0.1:\(port)/ (watching almakit.yml, Content/, Templates/ and product images; Ctrl-C stops)")
                Terminal.output("""
                    this preview takes no payment; to pay in Stripe test mode, run a generated server, which serves the same site:
                      almakit build --project \(project.project)
                      cd \(project.project == "." ? "" : project.project + "/")server/python && python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && STRIPE_SECRET_KEY=sk_test_... .venv/bin/python app.py
                    """)
            }
        }
        try await server.run()
    }

    /// The paths the checkout asks for its client secret and posts its form
    /// to: answered with an error in the preview.
    static func endpointPaths(_ options: BuildOptions) -> (clientSecret: String, checkout: String) {
        var diagnostics = Diagnostics()
        let server = (try? String(contentsOf: options.configFile, encoding: .utf8))
            .flatMap { ConfigLoader().load($0, file: "almakit.yml", into: &diagnostics)?.server }
        return (server?.clientSecretPath ?? "/secret", server?.checkoutPath ?? "/checkout")
    }
}
