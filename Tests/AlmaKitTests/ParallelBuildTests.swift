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
        for count in [2, 3, 7, 255, 1_000] {
            let few = Array(0..<count)
            #expect(Parallel.map(few) { $0 + 1 } == few.map { $0 + 1 })
        }
    }

    /// The read-ahead hints every file it can open, in a thread of its own,
    /// and skips what it cannot: a missing page must not stop the others.
    @Test func readAheadHintsEveryReadableFile() throws {
        let project = try TemporaryProject()
        let pages = TemporaryProject.minimalPages.keys.sorted().map { project.directory.appending(path: $0).path }
        let missing = project.directory.appending(path: "Content/fr/missing.md").path
        #if os(Linux)
        #expect(ReadAhead(paths: pages + [missing]).wait() == pages.count)
        #else
        #expect(ReadAhead(paths: pages + [missing]).wait() == 0, "only Linux has the hint")
        #endif
    }

    /// Every chunk is taken once, and tasks taken one after the other work
    /// on different parts of the input (different folders of pages).
    @Test(arguments: [(1, 2), (2, 2), (5, 2), (64, 2), (65, 2), (10, 3), (256, 4), (7, 8)])
    func chunksAreTakenOnceFromEachPartInTurn(chunks: Int, regions: Int) {
        let order = Parallel.interleavedOrder(chunks: chunks, regions: regions)
        #expect(order.sorted() == Array(0..<chunks))
        let perRegion = (chunks + regions - 1) / regions
        if chunks >= regions * 2 {
            #expect(order[0] / perRegion != order[1] / perRegion)
            #expect(order.prefix(regions).map { $0 / perRegion } == Array(0..<regions))
        }
    }
}
