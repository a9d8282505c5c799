// libFuzzer target: the incremental HTTP/1.1 request parser.
//
// Input layout: byte 0 = number of split points (0...15), then that many bytes, each the length (1...256) of the
// next fragment; the rest is what a client sends. The same bytes are parsed twice, once whole and once in those
// fragments (a server sees arbitrary TCP segmentation), and both runs must find the same requests and the same
// final outcome. Small limits on a third parser drive the 413/414/431 paths.

struct ParseTrace: Equatable {
    var requests: [String] = []
    var failed = false
}

func describe(_ request: HTTPRequest) -> String {
    var text =
        "\(request.method.rawValue) \(request.target) \(request.version.rawValue) path=\(request.path) raw=\(request.rawPath) query=\(request.query ?? "-")\n"
    for field in request.headers { text += "\(field.name): \(field.value)\n" }
    text += "body=\(request.body)"
    // Exercise the derived properties a router reads, too.
    _ = request.wantsKeepAlive
    return text
}

func drain(_ parser: inout HTTPRequestParser, into trace: inout ParseTrace) {
    // A request may not consume fewer than one byte, so this loop is bounded by the input length.
    while true {
        _ = parser.hasPartialRequest
        _ = parser.isReadingBody
        _ = parser.expectsContinue
        switch parser.next() {
        case .needMoreData:
            return
        case .request(let request):
            trace.requests.append(describe(request))
        case .failure(let error):
            precondition((400...599).contains(error.status.code), "parse error with a non-error status \(error.status)")
            trace.failed = true
            return
        }
    }
}

func parse(_ fragments: [ArraySlice<UInt8>], limits: HTTPLimits) -> ParseTrace {
    var parser = HTTPRequestParser(limits: limits)
    var trace = ParseTrace()
    for fragment in fragments where !trace.failed {
        parser.append(Array(fragment))
        drain(&parser, into: &trace)
    }
    return trace
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = input.first else { return 0 }
    let splitCount = Int(first & 0x0F)
    guard input.count > splitCount else { return 0 }
    let lengths = input[1..<(splitCount + 1)].map { Int($0) + 1 }
    let payload = input[(splitCount + 1)...]

    var fragments: [ArraySlice<UInt8>] = []
    var cursor = payload.startIndex
    for length in lengths where cursor < payload.endIndex {
        let end = min(cursor + length, payload.endIndex)
        fragments.append(payload[cursor..<end])
        cursor = end
    }
    if cursor < payload.endIndex { fragments.append(payload[cursor...]) }

    let whole = parse([payload], limits: HTTPLimits())
    let pieces = parse(fragments, limits: HTTPLimits())
    precondition(whole == pieces, "fragmentation changed the outcome:\nwhole: \(whole)\npieces: \(pieces)")

    let small = HTTPLimits(maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderCount: 4, maxBodyBytes: 32)
    _ = parse(fragments, limits: small)
    return 0
}
