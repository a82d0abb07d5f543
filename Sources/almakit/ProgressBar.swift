import AlmaKit
import AlmaKitCore
import Foundation

/// A one-line progress bar on stderr, shown only on a terminal and only when
/// the build runs longer than half a second: quick builds print nothing extra.
final class ProgressBar: Sendable {
    private let progress: BuildProgress
    private let finished = Locked(false)
    private static let delay = 0.5
    private static let width = 24

    init(_ progress: BuildProgress) {
        self.progress = progress
    }

    func start() {
        guard Terminal.stderrIsTerminal else { return }
        Thread.detachNewThread { [self] in
            Thread.sleep(forTimeInterval: Self.delay)
            var drawn = false
            while !finished.withLock({ $0 }) {
                draw(progress.snapshot)
                drawn = true
                Thread.sleep(forTimeInterval: 0.1)
            }
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    /// Stops drawing and waits a moment for the line to be cleared.
    func stop() {
        finished.withLock { $0 = true }
        if Terminal.stderrIsTerminal { Thread.sleep(forTimeInterval: 0.12) }
    }

    private func draw(_ snapshot: BuildProgress.Snapshot) {
        let fraction = snapshot.total > 0 ? Double(snapshot.done) / Double(snapshot.total) : 0
        let filled = Int(fraction * Double(Self.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
        let count = snapshot.total > 0 ? " \(snapshot.done)/\(snapshot.total)" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(snapshot.stage.rawValue)\(count)".utf8))
    }
}
