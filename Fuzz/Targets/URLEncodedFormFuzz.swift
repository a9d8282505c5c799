// libFuzzer target: application/x-www-form-urlencoded decoding (bodies and query strings).
// Whatever decodes must survive encode -> decode unchanged, and the field limit must hold.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURLEncodedForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limit = 16
    guard let form = try? URLEncodedForm(decoding: bytes, fieldLimit: limit) else { return 0 }
    precondition(form.fields.count <= limit, "field limit not enforced")
    let again: URLEncodedForm
    do {
        again = try URLEncodedForm(decoding: form.encoded, fieldLimit: limit)
    } catch {
        preconditionFailure("re-encoded form does not decode: \(error)")
    }
    precondition(again == form, "encode/decode round trip changed the form")
    if let name = form.fields.first?.name {
        precondition(form.first(name) != nil && !form.values(for: name).isEmpty, "lookup lost a field")
    }
    // The String entry point must agree with the byte one whenever the bytes are UTF-8.
    if let text = String(validating: bytes, as: UTF8.self) {
        precondition(
            (try? URLEncodedForm(decoding: text, fieldLimit: limit)) == form, "String and byte decoders disagree")
    }
    return 0
}
