import AlmaKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Calls back when a watched input changes. On Linux it waits on inotify, so
/// a save is seen at once without polling; elsewhere, or when inotify is out
/// of watches, it compares `ProjectWatcher` fingerprints every 200 ms.
final class ChangeMonitor: Sendable {
    private let watcher: ProjectWatcher
    private let onChange: @Sendable () -> Void

    init(watcher: ProjectWatcher, onChange: @escaping @Sendable () -> Void) {
        self.watcher = watcher
        self.onChange = onChange
    }

    func start() {
        Thread.detachNewThread { [self] in
            #if canImport(Glibc)
            if watchWithInotify() { return }
            #endif
            poll()
        }
    }

    private func poll() {
        var last = watcher.fingerprint()
        while true {
            Thread.sleep(forTimeInterval: 0.2)
            let now = watcher.fingerprint()
            if now != last {
                last = now
                onChange()
            }
        }
    }

    #if canImport(Glibc)
    /// Watches the project folder (for the configuration) and every folder
    /// under `Content/` and `Templates/`. Returns false when inotify is unavailable.
    private func watchWithInotify() -> Bool {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return false }
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_MODIFY | IN_ATTRIB)
        func add(_ folder: URL) -> Bool { inotify_add_watch(descriptor, folder.path, mask) >= 0 }
        func addTree(_ folder: URL) -> Bool {
            guard add(folder) else { return false }
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true, !add(url) { return false }
            }
            return true
        }
        func watchAll() -> Bool {
            guard add(watcher.projectDirectory), add(watcher.configFile.deletingLastPathComponent()) else { return false }
            for name in ["Content", "Templates"] {
                let folder = watcher.projectDirectory.appending(path: name)
                if FileManager.default.fileExists(atPath: folder.path), !addTree(folder) { return false }
            }
            return true
        }
        guard watchAll() else {
            close(descriptor)
            return false
        }
        var last = watcher.fingerprint()
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        var length = read(descriptor, buffer, 64 * 1024)
        while length > 0 {
            // A save is often several events: let them settle, then compare
            // fingerprints so that touching an unrelated file (an editor's
            // swap file in the project folder) does not rebuild.
            var newFolder = Self.announcesFolder(buffer, length: length)
            var settle = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while Glibc.poll(&settle, 1, 5) > 0 {
                let more = read(descriptor, buffer, 64 * 1024)
                if more > 0, Self.announcesFolder(buffer, length: more) { newFolder = true }
            }
            // A new folder needs a watch of its own, even while still empty;
            // existing watches are kept.
            if newFolder { _ = watchAll() }
            let now = watcher.fingerprint()
            if now != last {
                last = now
                onChange()
            }
            length = read(descriptor, buffer, 64 * 1024)
        }
        close(descriptor)
        return false
    }
    /// Whether the events in `buffer` include a folder created or moved in.
    private static func announcesFolder(_ buffer: UnsafeMutableRawPointer, length: Int) -> Bool {
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= length {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return true }
            offset += header + Int(event.len)
        }
        return false
    }
    #endif
}
