// libFuzzer target: the lenient Cookie header parser. Input: header values separated by NUL bytes (a proxy may
// split one Cookie header into several). Every cookie it keeps must be one we could have set ourselves.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCookieParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let headers = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    let cookies = Cookies(headerValues: headers)
    precondition(cookies.count <= size, "more cookies than bytes")
    // Any name=value pair the parser accepted must also pass SetCookie's checks.
    for header in headers {
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let rawName = parts.first else { continue }
            let name = rawName.trimmingSpaces
            guard let value = cookies[name] else { continue }
            precondition(
                (try? SetCookie(name: name, value: value)) != nil, "accepted a cookie we could not send: \(name)")
        }
    }
    return 0
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
