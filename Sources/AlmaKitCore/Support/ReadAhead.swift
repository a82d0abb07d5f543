import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to start reading files from disk before the build reads
/// them. The pages are read on every core, and a core waiting on the disk
/// for one file does nothing else: where the files are not in memory (the
/// first build after a reboot, or after the kernel reclaimed them), reading
/// 2x1,000 pages took 0.34 to 0.43 s instead of 0.10 s. Where they are, this
/// costs a thread an `open`, a `posix_fadvise` and a `close` per file.
package final class ReadAhead: Sendable {
    private let stopped = Locked(false)
    private let hinted = Locked(0)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts hinting `paths`, in order, on a thread of its own: the cores
    /// may all be busy reading, and the hints must run ahead of them.
    package init(paths: [String]) {
        let (stopped, hinted, finished) = (stopped, hinted, finished)
        let thread = Thread {
            defer { finished.signal() }
            for path in paths {
                if stopped.withLock({ $0 }) { return }
                if Self.hint(path) { hinted.withLock { $0 += 1 } }
            }
        }
        thread.start()
    }

    /// Hints no more files: they have all been read.
    package func stop() {
        stopped.withLock { $0 = true }
    }

    /// Waits for the hints to end; how many files were hinted.
    package func wait() -> Int {
        finished.wait()
        finished.signal()
        return hinted.withLock { $0 }
    }

    /// Queues the reads of the file at `path` and returns: it waits for no disk.
    private static func hint(_ path: String) -> Bool {
        #if os(Linux)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED) == 0
        #else
        // No such hint elsewhere: the thread only walks the list.
        return false
        #endif
    }
}
