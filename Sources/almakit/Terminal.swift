import AlmaKit
import AlmaKitCore
import Foundation

/// Everything `almakit` prints goes through here: results to stdout, problems to stderr.
enum Terminal {
    /// Whether stderr is a terminal: colours and progress only there.
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// - Parameter project: where the diagnostics' paths start; they are printed from the current directory.
    static func printDiagnostics(_ diagnostics: Diagnostics, project: URL) {
        let formatter = DiagnosticFormatter()
        // One write for all: a site with a thousand warnings makes a thousand system calls otherwise.
        let text = DiagnosticPaths(project: project).relative(diagnostics).sorted.map { formatter.text($0, colored: stderrIsTerminal) + "\n" }.joined()
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Unbuffered, for a long-running command whose output is read as it comes.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func summary(_ diagnostics: Diagnostics) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errors.count, "error")), \(count(diagnostics.warnings.count, "warning"))"
    }
}
