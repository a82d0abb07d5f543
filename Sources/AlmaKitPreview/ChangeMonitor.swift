import AlmaKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Calls back when a watched input changes. On Linux it waits on inotify, so
/// a save is seen at once without polling, and says which files changed;
/// elsewhere, or when inotify is out of watches, it compares `ProjectWatcher`
/// fingerprints every 200 ms.
final class ChangeMonitor: Sendable {
    private let watcher: ProjectWatcher
    /// Given the files that changed, or nil when that is not known.
    /// Called once per settled change; the build's cache works out what to redo.
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
    /// Watches the project folder (for the configuration), every folder
    /// under `Content/` and `Templates/`, and the products' images' folders.
    /// Returns false when inotify is unavailable.
    private func watchWithInotify() -> Bool {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return false }
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_MODIFY | IN_ATTRIB)
        // Events name a watch and a file in it: the watch's folder makes the path.
        var folders: [Int32: URL] = [:]
        func add(_ folder: URL) -> Bool {
            let watch = inotify_add_watch(descriptor, folder.path, mask)
            if watch >= 0 { folders[watch] = folder.standardizedFileURL }
            return watch >= 0
        }
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
            // The images' folders, where they exist: one named before it is
            // made is found when the configuration or the project folder changes.
            for folder in Set(watcher.productImages().map { $0.deletingLastPathComponent() })
            where FileManager.default.fileExists(atPath: folder.path) {
                _ = add(folder)
            }
            return true
        }
        guard watchAll() else {
            close(descriptor)
            return false
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        var length = read(descriptor, buffer, 64 * 1024)
        while length > 0 {
            // A save is often several events: let them settle first.
            var events = Self.events(in: buffer, length: length, folders: folders)
            var settle = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while Glibc.poll(&settle, 1, 5) > 0 {
                let more = read(descriptor, buffer, 64 * 1024)
                if more > 0 { events += Self.events(in: buffer, length: more, folders: folders) }
            }
            // Files the build does not read (an editor's swap file in the
            // project folder) change nothing.
            let images = watcher.productImages()
            let touchesInputs = events.contains { $0.file.map { watcher.isInput($0, images: images) } ?? false }
            let touchesConfiguration = events.contains { $0.file?.standardizedFileURL.path == watcher.configFile.standardizedFileURL.path }
            if events.contains(where: \.changesStructure) || touchesConfiguration {
                // A new folder needs a watch of its own, even while still
                // empty; existing watches are kept. What it holds, or what a
                // full queue lost, is found by a full build.
                _ = watchAll()
                onChange()
            } else if touchesInputs {
                onChange()
            }
            length = read(descriptor, buffer, 64 * 1024)
        }
        close(descriptor)
        return false
    }

    /// One inotify event: the file it names, and whether it changes more than files.
    private struct Event {
        var file: URL?
        /// A folder created or moved in, or events lost because the queue was full.
        var changesStructure: Bool
    }

    /// The events in `buffer`, for the watches in `folders`.
    private static func events(in buffer: UnsafeMutableRawPointer, length: Int, folders: [Int32: URL]) -> [Event] {
        var events: [Event] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= length {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + header, count: Int(event.len))
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                events.append(Event(file: nil, changesStructure: true))
            } else if let folder = folders[event.wd] {
                let isDirectory = event.mask & UInt32(IN_ISDIR) != 0
                events.append(Event(
                    file: name.isEmpty ? folder : folder.appending(path: name),
                    changesStructure: isDirectory && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0))
            }
            offset += header + Int(event.len)
        }
        return events
    }
    #endif
}
