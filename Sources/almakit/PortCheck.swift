import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether `almakit serve` can listen on a port, asked before the first
/// build: otherwise the preview announces its address and then fails with
/// the server library's raw `bind(...)` error.
enum PortCheck {
    /// What stands in the way of listening on 127.0.0.1:`port`, as a sentence; nil when nothing does.
    static func problem(port: Int) -> String? {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // As the server itself will: a port left in TIME_WAIT by an earlier preview is free.
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound != 0 else { return nil }
        switch errno {
        case EADDRINUSE: return "port \(port) is in use: another program (perhaps another almakit serve) listens there"
        case EACCES: return "port \(port) needs privileges this user does not have"
        default: return "cannot listen on port \(port): \(String(cString: strerror(errno)))"
        }
    }
}
