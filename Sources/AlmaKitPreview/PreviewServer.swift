import AlmaKit
import AlmaKitCore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `almakit serve`: the site from memory on 127.0.0.1, rebuilt when its
/// inputs change, with open pages reloaded through server-sent events. The
/// reload script is added to pages as they are served, never to `dist/`.
public struct PreviewServer: Sendable {
    static let eventsPath = "/__almakit/events"
    static let scriptPath = "/__almakit/reload.js"

    let session: PreviewSession
    let watcher: ProjectWatcher
    let port: Int
    let clientSecretPath: String
    let checkoutPath: String
    let report: @Sendable (PreviewSession.State) -> Void

    /// - Parameter report: told after every build, for the terminal.
    public init(options: BuildOptions, port: Int, clientSecretPath: String, checkoutPath: String,
                report: @escaping @Sendable (PreviewSession.State) -> Void) {
        session = PreviewSession(options: options)
        watcher = ProjectWatcher(projectDirectory: options.projectDirectory, configFile: options.configFile)
        self.port = port
        self.clientSecretPath = clientSecretPath
        self.checkoutPath = checkoutPath
        self.report = report
    }

    public func run() async throws {
        let broadcaster = ReloadBroadcaster()
        report(session.rebuild())
        // Whatever changed, the build runs again; its cache knows what to redo.
        let monitor = ChangeMonitor(watcher: watcher) { [session, report] in
            let state = session.rebuild()
            // Pages first: printing many warnings to a terminal takes a while.
            broadcaster.send(state.diagnostics.hasErrors ? .problems(Self.problemsText(state.diagnostics)) : .reload)
            report(state)
        }

        let router = Router()
        router.get(RouterPath(Self.scriptPath)) { _, _ in
            Self.response(Self.reloadScript, type: "text/javascript; charset=utf-8")
        }
        router.get(RouterPath(Self.eventsPath)) { _, _ in
            Self.events(from: broadcaster, session: session)
        }
        router.get(RouterPath(clientSecretPath)) { _, _ in
            // A preview takes no payment: the page shows its own message.
            Self.response(#"{"error":{"message":"almakit serve is a preview and takes no payment: run a generated server to pay in test mode."}}"#,
                          type: "application/json", status: .serviceUnavailable)
        }
        router.post(RouterPath(checkoutPath)) { request, _ in
            // The form posted without Stripe.js: the site's own error page, in its language.
            let form = String(buffer: try await request.body.collect(upTo: 64 * 1024))
            return Self.paymentError(language: Self.formField("lang", in: form), in: session.current)
        }
        router.get("**") { request, _ in
            Self.file(at: request.uri.path, in: session.current)
        }
        router.get("/") { _, _ in
            Self.file(at: "/", in: session.current)
        }

        var logger = Logger(label: "almakit.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "almakit"),
            onServerRunning: { _ in monitor.start() },
            logger: logger)
        try await app.runService()
    }

    /// A built file; folders get their `index.html`; anything else the 404 page.
    static func file(at requestPath: String, in state: PreviewSession.State) -> Response {
        var path = String((requestPath.removingPercentEncoding ?? requestPath).drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if let contents = state.files[path] {
            return response(withReloadScript(contents, path: path), type: contentType(of: path))
        }
        if let source = state.copies[path], let data = FileManager.default.contents(atPath: source.path) {
            var headers = HTTPFields()
            headers[.contentType] = contentType(of: path)
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        if let folderIndex = state.files[path + "/index.html"] {
            return response(withReloadScript(folderIndex, path: path + "/index.html"), type: contentType(of: "index.html"))
        }
        let notFound = state.files[(path.split(separator: "/").first.map { "\($0)/404.html" }) ?? ""] ?? state.files["404.html"] ?? "not found"
        return response(withReloadScript(notFound, path: "404.html"), type: contentType(of: "404.html"), status: .notFound)
    }

    /// What a server answers when the payment cannot start, since a preview takes none.
    static func paymentError(language: String?, in state: PreviewSession.State) -> Response {
        let page = language.flatMap { state.files["\($0)/payment-error.html"] }
            ?? state.files.keys.sorted().first { $0.hasSuffix("/payment-error.html") }.flatMap { state.files[$0] }
        return response(withReloadScript(page ?? "almakit serve is a preview and takes no payment.", path: "payment-error.html"),
                        type: contentType(of: page == nil ? "error.txt" : "payment-error.html"), status: .serviceUnavailable)
    }

    /// One field of a form-encoded body.
    static func formField(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if parts.first == name { return parts.count > 1 ? parts[1] : "" }
        }
        return nil
    }

    static func withReloadScript(_ contents: String, path: String) -> String {
        guard path.hasSuffix(".html"), let end = contents.range(of: "</body>", options: .backwards) else { return contents }
        return contents.replacingCharacters(in: end, with: "<script src=\"\(scriptPath)\"></script>\n</body>")
    }

    static func events(from broadcaster: ReloadBroadcaster, session: PreviewSession) -> Response {
        let (id, stream) = broadcaster.subscribe()
        let initial = session.current.diagnostics.hasErrors ? problemsText(session.current.diagnostics) : nil
        let body = ResponseBody { writer in
            defer { broadcaster.unsubscribe(id) }
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            if let initial { try await writer.write(ByteBuffer(string: event("problems", initial))) }
            // The stream never ends by itself: on Ctrl-C or SIGTERM, end it so the server can stop.
            try await withGracefulShutdownHandler {
                for await message in stream {
                    switch message {
                    case .reload: try await writer.write(ByteBuffer(string: event("reload", "")))
                    case .problems(let text): try await writer.write(ByteBuffer(string: event("problems", text)))
                    }
                }
            } onGracefulShutdown: {
                broadcaster.unsubscribe(id)
            }
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: body)
    }

    /// One server-sent event; each line of `data` gets its own `data:` field.
    static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }

    static func problemsText(_ diagnostics: Diagnostics) -> String {
        diagnostics.errors.map { DiagnosticFormatter().text($0) }.joined(separator: "\n")
    }

    static func response(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "xml": "application/xml"
        case "json": "application/json"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        case "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// Reloads the page after a good build; shows the problems over it
    /// after a failed one (the last good page stays underneath).
    static let reloadScript = """
        (function () {
          'use strict';
          var overlay;
          function showProblems(text) {
            if (!overlay) {
              overlay = document.createElement('pre');
              overlay.id = 'almakit-problems';
              var style = overlay.style;
              style.position = 'fixed'; style.inset = '0'; style.margin = '0'; style.padding = '1.5rem';
              style.overflow = 'auto'; style.zIndex = '2147483647'; style.whiteSpace = 'pre-wrap';
              style.font = '14px/1.5 ui-monospace, monospace'; style.color = '#fff'; style.background = 'rgba(20, 0, 0, 0.92)';
              document.body.appendChild(overlay);
            }
            overlay.textContent = 'almakit: the last change does not build; this is the last good page.\\n\\n' + text;
          }
          var source = new EventSource('\(eventsPath)');
          source.addEventListener('reload', function () { window.location.reload(); });
          source.addEventListener('problems', function (event) { showProblems(event.data); });
        })();
        """
}
