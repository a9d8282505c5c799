/// An incremental `multipart/form-data` parser (RFC 7578 over RFC 2046 §5.1): feed it the body in any
/// fragments and it reports parts as they begin, their content in chunks, and their ends. Pure: no I/O.
///
/// Memory stays bounded whatever the part sizes: content is handed out as it arrives, keeping back only the
/// bytes that could be the start of a delimiter (at most the delimiter's length minus one), and a part's
/// header block is buffered only up to its limit. Every refusal is typed: 400 for framing, 413 for a limit.
public struct MultipartParser: Sendable {
    private enum State: Sendable {
        /// Before the first delimiter: discarded (RFC 2046 §5.1.1 preamble).
        case preamble
        /// Right after a delimiter: "--" closes the body, otherwise optional padding then CRLF opens a part.
        case afterDelimiter(padding: Int)
        /// Reading a part's header lines; `scanned` is how far the current line was already searched.
        case headers(scanned: Int)
        case content
        /// After the close delimiter: discarded.
        case epilogue
        case failed(MultipartError)
    }

    public let limits: MultipartLimits
    /// CRLF "--" boundary: a delimiter always starts a line, so content never ends with a stray CRLF.
    private let delimiter: [UInt8]
    private var buffer: [UInt8]
    /// The first byte not yet consumed.
    private var cursor = 0
    private var state = State.preamble
    private var totalBytes = 0
    private var partCount = 0
    private var headerBytes = 0
    private var partHeaders = HTTPHeaders()
    private var partIsField = false
    private var fieldBytes = 0

    /// Padding after a boundary is for old mail gateways; a little is tolerated, an endless run is malformed.
    private static let maxPadding = 256

    public init(boundary: String, limits: MultipartLimits = MultipartLimits()) throws(MultipartError) {
        try MultipartBoundary.validate(boundary)
        self.limits = limits
        delimiter = [ASCII.carriageReturn, ASCII.lineFeed, UInt8(ascii: "-"), UInt8(ascii: "-")] + Array(boundary.utf8)
        // The body is read as if it began with CRLF, so a first delimiter at byte 0 matches like any other.
        buffer = [ASCII.carriageReturn, ASCII.lineFeed]
    }

    /// Takes the boundary from a request's Content-Type (415 if it is not multipart/form-data, 400 if the
    /// boundary is bad).
    public init(contentType: String, limits: MultipartLimits = MultipartLimits()) throws(MultipartError) {
        try self.init(boundary: MultipartBoundary.parse(contentType: contentType), limits: limits)
    }

    /// The close delimiter has been seen.
    public var isFinished: Bool {
        if case .epilogue = state { return true }
        return false
    }

    /// Parses the next fragment and returns what it completed. After an error the parser stays failed.
    public mutating func append(_ bytes: some Collection<UInt8>) throws(MultipartError) -> [MultipartEvent] {
        if case .failed(let error) = state { throw error }
        totalBytes += bytes.count
        guard totalBytes <= limits.maxTotalBytes else {
            return try fail(.tooLarge("multipart body over \(limits.maxTotalBytes) bytes"))
        }
        if case .epilogue = state { return [] }
        compact()
        buffer.append(contentsOf: bytes)
        var events: [MultipartEvent] = []
        do {
            try process(into: &events)
        } catch {
            return try fail(error)
        }
        return events
    }

    /// The body ended: refuses a body whose close delimiter never came (a truncated upload must not look whole).
    public mutating func finish() throws(MultipartError) {
        switch state {
        case .epilogue: return
        case .failed(let error): throw error
        default:
            let error = MultipartError.malformed("multipart body ends before its final boundary")
            state = .failed(error)
            throw error
        }
    }

    private mutating func fail(_ error: MultipartError) throws(MultipartError) -> [MultipartEvent] {
        state = .failed(error)
        buffer = []
        cursor = 0
        throw error
    }

    private mutating func compact() {
        guard cursor > 0 else { return }
        if cursor == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
            cursor = 0
        } else if cursor >= buffer.count / 2 {
            buffer.removeSubrange(0..<cursor)
            cursor = 0
        }
    }

    private mutating func process(into events: inout [MultipartEvent]) throws(MultipartError) {
        while true {
            switch state {
            case .preamble:
                if let found = findDelimiter() {
                    cursor = found + delimiter.count
                    state = .afterDelimiter(padding: 0)
                } else {
                    cursor = max(cursor, buffer.count - (delimiter.count - 1))
                    return
                }
            case .afterDelimiter(let padding):
                guard cursor < buffer.count else { return }
                let byte = buffer[cursor]
                if byte == UInt8(ascii: "-") && padding == 0 {
                    guard cursor + 1 < buffer.count else { return }
                    guard buffer[cursor + 1] == UInt8(ascii: "-") else {
                        throw .malformed("delimiter followed by a single '-'")
                    }
                    cursor = buffer.count
                    state = .epilogue
                    events.append(.finished)
                    return
                } else if ASCII.isWhitespace(byte) {
                    guard padding < Self.maxPadding else { throw .malformed("too much padding after a boundary") }
                    cursor += 1
                    state = .afterDelimiter(padding: padding + 1)
                } else if byte == ASCII.carriageReturn {
                    guard cursor + 1 < buffer.count else { return }
                    guard buffer[cursor + 1] == ASCII.lineFeed else {
                        throw .malformed("boundary line ends in bare CR")
                    }
                    cursor += 2
                    try beginPart()
                } else {
                    throw .malformed("boundary followed by something other than CRLF or --")
                }
            case .headers(let scanned):
                guard try readHeaderLine(scanned: scanned, into: &events) else { return }
            case .content:
                if let found = findDelimiter() {
                    try emitContent(upTo: found, into: &events)
                    events.append(.partEnded)
                    cursor = found + delimiter.count
                    state = .afterDelimiter(padding: 0)
                } else {
                    try emitContent(upTo: max(cursor, buffer.count - (delimiter.count - 1)), into: &events)
                    return
                }
            case .epilogue:
                cursor = buffer.count
                return
            case .failed(let error):
                throw error
            }
        }
    }

    private mutating func beginPart() throws(MultipartError) {
        partCount += 1
        guard partCount <= limits.maxParts else { throw .tooLarge("more than \(limits.maxParts) parts") }
        headerBytes = 0
        partHeaders = HTTPHeaders()
        state = .headers(scanned: 0)
    }

    /// Consumes one complete header line if there is one; false when more bytes are needed.
    private mutating func readHeaderLine(scanned: Int, into events: inout [MultipartEvent]) throws(MultipartError)
        -> Bool
    {
        var index = cursor + scanned
        while index < buffer.count && buffer[index] != ASCII.lineFeed { index += 1 }
        // Sizes are checked before syntax, and a partial line is held to the same bound as a whole one, so the
        // outcome does not depend on where the input was split.
        guard headerBytes + (index - cursor) + 1 <= limits.maxHeaderBytesPerPart else {
            throw .tooLarge("part header block over \(limits.maxHeaderBytesPerPart) bytes")
        }
        guard index < buffer.count else {
            state = .headers(scanned: index - cursor)
            return false
        }
        guard index > cursor, buffer[index - 1] == ASCII.carriageReturn else {
            throw .malformed("part header line ends in a bare LF")
        }
        headerBytes += index + 1 - cursor
        let line = Array(buffer[cursor..<(index - 1)])
        cursor = index + 1
        if line.isEmpty {
            let head = try MultipartPartHead(headers: partHeaders)
            partIsField = !head.isFile
            fieldBytes = 0
            events.append(.partBegan(head))
            state = .content
        } else {
            let (name, value) = try Self.parseHeaderLine(line)
            partHeaders.add(name, value)
            state = .headers(scanned: 0)
        }
        return true
    }

    static func parseHeaderLine(_ line: [UInt8]) throws(MultipartError) -> (String, String) {
        guard let first = line.first, !ASCII.isWhitespace(first) else {
            throw .malformed("part header line starts with whitespace (folding)")
        }
        guard let colon = line.firstIndex(of: ASCII.colon), colon > 0 else {
            throw .malformed("part header line without a name and colon")
        }
        guard line[0..<colon].allSatisfy(ASCII.isTokenCharacter) else {
            throw .malformed("invalid character in a part header name")
        }
        var start = colon + 1
        var end = line.count
        while start < end && ASCII.isWhitespace(line[start]) { start += 1 }
        while end > start && ASCII.isWhitespace(line[end - 1]) { end -= 1 }
        // Browsers send a file name as typed except CR, LF and `"` (escaped as %0D, %0A, %22, WHATWG HTML "multipart/
        // form-data encoding"), so a tab, a BEL or an escape character in a real file name arrives raw: refusing it would
        // refuse the person's upload. Those names are made harmless where they are used (`StoredFileName`); NUL, CR and
        // LF, which no browser sends, stay refused.
        guard !line[start..<end].contains(where: { $0 == 0 || $0 == ASCII.carriageReturn || $0 == ASCII.lineFeed })
        else {
            throw .malformed("NUL, CR or LF in a part header value")
        }
        return (String(decoding: line[0..<colon], as: UTF8.self), String(decoding: line[start..<end], as: UTF8.self))
    }

    private mutating func emitContent(upTo end: Int, into events: inout [MultipartEvent]) throws(MultipartError) {
        guard end > cursor else { return }
        if partIsField {
            fieldBytes += end - cursor
            guard fieldBytes <= limits.maxFieldBytes else {
                throw .tooLarge("form field over \(limits.maxFieldBytes) bytes")
            }
        }
        events.append(.partData(Array(buffer[cursor..<end])))
        cursor = end
    }

    /// The offset of the next complete delimiter at or after the cursor. Searches for its CR, then compares.
    private func findDelimiter() -> Int? {
        let count = delimiter.count
        var index = cursor
        while index + count <= buffer.count {
            guard let carriageReturn = buffer[index...(buffer.count - count)].firstIndex(of: ASCII.carriageReturn)
            else { return nil }
            if buffer[carriageReturn..<(carriageReturn + count)].elementsEqual(delimiter) { return carriageReturn }
            index = carriageReturn + 1
        }
        return nil
    }
}
