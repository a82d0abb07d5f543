import Foundation
import Testing
@testable import AlmaKit

@Suite struct ParallelBuildTests {
    /// Rendering on every core must not change a byte: same files, same order.
    @Test func parallelAndSequentialBuildsAreIdentical() throws {
        var parallel = BuildOptions(projectDirectory: Repository.root)
        parallel.parallel = true
        var sequential = parallel
        sequential.parallel = false
        let fast = SiteBuilder(options: parallel).check()
        let slow = SiteBuilder(options: sequential).check()
        #expect(fast.files.count > 40)
        #expect(fast.files.map(\.path) == slow.files.map(\.path))
        for (a, b) in zip(fast.files, slow.files) {
            #expect(a.contents == b.contents, "\(a.path) differs")
        }
        #expect(fast.diagnostics == slow.diagnostics)
    }

    @Test func parallelMapKeepsOrder() {
        let inputs = Array(0..<10_000)
        #expect(Parallel.map(inputs) { $0 * 2 } == inputs.map { $0 * 2 })
    }
}
