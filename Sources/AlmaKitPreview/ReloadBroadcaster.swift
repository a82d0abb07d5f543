import AlmaKit
import AlmaKitCore
import Foundation

/// Tells every open page that a build finished: each connected page holds
/// one stream of server-sent events.
final class ReloadBroadcaster: Sendable {
    enum Message: Sendable {
        case reload
        /// The build failed; the text is its diagnostics, one per line.
        case problems(String)
    }

    private let listeners = Locked<[UUID: AsyncStream<Message>.Continuation]>([:])

    func subscribe() -> (id: UUID, stream: AsyncStream<Message>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Message>.makeStream(bufferingPolicy: .bufferingNewest(4))
        listeners.withLock { $0[id] = continuation }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        listeners.withLock { $0.removeValue(forKey: id) }?.finish()
    }

    func send(_ message: Message) {
        for continuation in listeners.withLock({ Array($0.values) }) {
            continuation.yield(message)
        }
    }
}
