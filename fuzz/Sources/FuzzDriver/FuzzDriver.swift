import Foundation

/// libFuzzer's driver, from its runtime (the targets link with -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The text entry point the running target fuzzes; set once, before libFuzzer starts.
nonisolated(unsafe) private var fuzzedEntryPoint: (String) -> Void = { _ in }

/// What libFuzzer calls with each input (its runtime needs the symbol).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzedEntryPoint(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}

/// Runs libFuzzer on `entryPoint` with the process's command line. An
/// executable target gets a Swift `main`, which would shadow libFuzzer's, so
/// each target's `main` calls this instead.
public func fuzz(_ entryPoint: @escaping (String) -> Void) -> Never {
    fuzzedEntryPoint = entryPoint
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
}
