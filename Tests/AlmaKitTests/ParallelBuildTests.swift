import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore

@Suite struct ParallelBuildTests {
    /// Rendering on every core must not change a byte: same files, same order.
    @Test func parallelAndSequentialBuildsAreIdentical() throws {
        var parallel = BuildOptions(projectDirectory: Repository.root)
        parallel.parallel = true
        var sequential = parallel
        sequential.parallel = false
        let fast = SiteBuilder(options: parallel).check()
        let slow = SiteBuilder(options: sequential).check()
        #expect(fast.files.count > 25 && fast.serverFiles.count > 20)
        #expect(fast.files.map(\.path) == slow.files.map(\.path))
        #expect(fast.serverFiles.map(\.path) == slow.serverFiles.map(\.path))
        for (a, b) in zip(fast.files + fast.serverFiles, slow.files + slow.serverFiles) {
            #expect(a.contents == b.contents, "\(a.path) differs")
        }
        #expect(fast.diagnostics == slow.diagnostics)
    }

    @Test func parallelMapKeepsOrder() {
        let inputs = Array(0..<10_000)
        #expect(Parallel.map(inputs) { $0 * 2 } == inputs.map { $0 * 2 })
    }
}
