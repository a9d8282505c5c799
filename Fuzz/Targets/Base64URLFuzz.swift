// libFuzzer target: base64url decoding (render tokens, kiosk tokens, submission ids).
// Decoding is canonical: whatever decodes must re-encode to the very same text; and any bytes round-trip.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBase64URL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    if let decoded = Base64URL.decode(text) {
        precondition(Base64URL.encode(decoded) == text, "non-canonical base64url accepted")
    }
    precondition(Base64URL.decode(Base64URL.encode(bytes)) == bytes, "bytes do not round-trip")
    return 0
}
