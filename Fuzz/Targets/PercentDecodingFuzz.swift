// libFuzzer target: percent-decoding of paths, query components and form fields.
// A decoded string must re-encode to something that decodes back to it (both encoders).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPercentDecoding(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = UnsafeRawBufferPointer(start: data, count: size)
    for plusAsSpace in [false, true] {
        guard let decoded = try? PercentEncoding.decode(bytes: raw, plusAsSpace: plusAsSpace) else { continue }
        precondition(decoded.utf8.count <= size, "decoding grew the text")
        precondition((try? PercentEncoding.decode(PercentEncoding.encode(decoded))) == decoded, "encode round trip")
        precondition(
            (try? PercentEncoding.decode(PercentEncoding.encodePath(decoded))) == decoded, "encodePath round trip")
    }
    return 0
}
