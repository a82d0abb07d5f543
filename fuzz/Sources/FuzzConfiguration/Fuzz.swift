import AlmaKit

/// libFuzzer calls this with each input; its own `main` drives the search.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntryPoints.configuration(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}
