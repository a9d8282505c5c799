/// An incremental HTTP/1.1 request parser (RFC 9112): feed it bytes as they arrive, in any fragments, and
/// take out complete requests. Pure: no sockets, no clock (the server owns deadlines).
///
/// It scans for the end of the head only once per byte (the scan resumes where it stopped), enforces the size
/// limits while the head is still arriving, refuses a body that is too large from its `Content-Length` alone,
/// and keeps the bytes after one request for the next (pipelining).
public struct HTTPRequestParser: Sendable {
    private enum State: Sendable {
        case head
        /// The head is parsed; waiting for `length` body bytes starting `bodyOffset` bytes after `start`.
        case body(HTTPRequest, length: Int, bodyOffset: Int)
        case failed(HTTPParseError)
    }

    /// Where the head scan stands, as offsets from `start` so compacting the buffer leaves them valid.
    private struct HeadScan: Sendable {
        var position = 0
        var lineStart = 0
        var requestLineLength: Int?
        var fieldLineCount = 0
        var fieldBytes = 0
    }

    private enum ScanOutcome {
        case incomplete
        case complete(headLength: Int)
        case failed(HTTPParseError)
    }

    public let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// The first byte not yet consumed by a returned request.
    private var start = 0
    private var state = State.head
    private var scan = HeadScan()

    /// A drained buffer larger than this is released rather than kept for the next request, so one large
    /// upload does not pin its memory for the life of a keep-alive connection.
    private static let retainedCapacity = 64 * 1024

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Some bytes of an unfinished request are buffered (head or body).
    public var hasPartialRequest: Bool {
        switch state {
        case .head: buffer.count > start
        case .body: true
        case .failed: false
        }
    }

    /// The head is complete and the parser waits for body bytes.
    public var isReadingBody: Bool {
        if case .body = state { return true }
        return false
    }

    /// The declared length of the body being read, once its head is parsed (the server reserves memory for
    /// large bodies from it).
    public var pendingBodyLength: Int? {
        if case .body(_, let length, _) = state { return length }
        return nil
    }

    /// The head just parsed asks `Expect: 100-continue` and none of its body has arrived: the server should
    /// send "100 Continue" (curl waits a second for it before sending a body otherwise).
    public var expectsContinue: Bool {
        guard case .body(let request, _, let bodyOffset) = state, request.version == .http1_1,
            buffer.count == start + bodyOffset,
            let expect = request.headers["Expect"]
        else { return false }
        return expect.lowercased() == "100-continue"
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if case .failed = state { return }  // the connection is about to close; do not grow
        compact()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Takes the next complete request out of the buffer, if there is one.
    public mutating func next() -> HTTPParseResult {
        switch state {
        case .failed(let error):
            return .failure(error)
        case .body(let request, let length, let bodyOffset):
            return takeBody(of: request, length: length, bodyOffset: bodyOffset)
        case .head:
            var scan = self.scan
            var scanStart = start
            let limits = self.limits
            let outcome = buffer.withUnsafeBufferPointer {
                Self.scanHead(in: $0, from: &scanStart, scan: &scan, limits: limits)
            }
            self.scan = scan
            start = scanStart
            switch outcome {
            case .incomplete:
                return .needMoreData
            case .failed(let error):
                return fail(error)
            case .complete(let headLength):
                let parsed = buffer.withUnsafeBufferPointer { all in
                    HTTPRequestHeadParser.parse(
                        UnsafeBufferPointer(rebasing: all[start..<(start + headLength)]),
                        requestLineLength: scan.requestLineLength ?? 0,
                        limits: limits
                    )
                }
                switch parsed {
                case .failure(let error):
                    return fail(error)
                case .success(let (request, contentLength)):
                    self.scan = HeadScan()
                    guard contentLength > 0 else {
                        start += headLength
                        return .request(request)
                    }
                    state = .body(request, length: contentLength, bodyOffset: headLength)
                    return takeBody(of: request, length: contentLength, bodyOffset: headLength)
                }
            }
        }
    }

    private mutating func takeBody(of request: HTTPRequest, length: Int, bodyOffset: Int) -> HTTPParseResult {
        let bodyStart = start + bodyOffset
        guard buffer.count - bodyStart >= length else { return .needMoreData }
        var request = request
        request.body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        state = .head
        return .request(request)
    }

    private mutating func fail(_ error: HTTPParseError) -> HTTPParseResult {
        state = .failed(error)
        buffer = []
        start = 0
        return .failure(error)
    }

    /// Drops consumed bytes before appending, when that is cheap relative to what remains.
    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            if buffer.capacity > Self.retainedCapacity {
                buffer = []
            } else {
                buffer.removeAll(keepingCapacity: true)
            }
            start = 0
        } else if start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// Advances the head scan over newly arrived bytes. Line endings must be CRLF: a bare LF is refused rather
    /// than tolerated, because servers and proxies that disagree about line ends are how requests get smuggled.
    private static func scanHead(
        in bytes: UnsafeBufferPointer<UInt8>, from start: inout Int, scan: inout HeadScan, limits: HTTPLimits
    ) -> ScanOutcome {
        var index = start + scan.position
        while index < bytes.count {
            guard bytes[index] == ASCII.lineFeed else {
                index += 1
                continue
            }
            let lineStart = start + scan.lineStart
            guard index > lineStart, bytes[index - 1] == ASCII.carriageReturn else {
                return .failed(.badRequest("line ending is a bare LF, not CRLF"))
            }
            let lineLength = index - 1 - lineStart
            if scan.requestLineLength == nil {
                if lineLength == 0 {
                    // RFC 9112 §2.2: ignore empty lines before a request line (some clients add CRLF after a body).
                    start = index + 1
                    scan = HeadScan()
                    index = start
                    continue
                }
                guard lineLength <= limits.maxRequestLineBytes else { return .failed(uriTooLong) }
                scan.requestLineLength = lineLength
            } else if lineLength == 0 {
                return .complete(headLength: index + 1 - start)
            } else {
                scan.fieldLineCount += 1
                scan.fieldBytes += lineLength + 2
                guard scan.fieldLineCount <= limits.maxHeaderCount else {
                    return .failed(
                        HTTPParseError(
                            status: .requestHeaderFieldsTooLarge,
                            reason: "more than \(limits.maxHeaderCount) header fields"))
                }
                guard scan.fieldBytes <= limits.maxHeaderBytes else { return .failed(headerBlockTooLarge(limits)) }
            }
            index += 1
            scan.lineStart = index - start
        }
        scan.position = index - start

        // Refuse an oversized line before it ends, so a client cannot make us buffer an endless line.
        let pending = bytes.count - (start + scan.lineStart)
        if scan.requestLineLength == nil {
            let endsInCR = pending > 0 && bytes[bytes.count - 1] == ASCII.carriageReturn
            let lineSoFar = endsInCR ? pending - 1 : pending
            if lineSoFar > limits.maxRequestLineBytes { return .failed(uriTooLong) }
        } else if pending >= 2 && scan.fieldBytes + pending > limits.maxHeaderBytes {
            return .failed(headerBlockTooLarge(limits))
        }
        return .incomplete
    }

    private static let uriTooLong = HTTPParseError(status: .uriTooLong, reason: "request line too long")

    private static func headerBlockTooLarge(_ limits: HTTPLimits) -> HTTPParseError {
        HTTPParseError(status: .requestHeaderFieldsTooLarge, reason: "header block over \(limits.maxHeaderBytes) bytes")
    }
}
