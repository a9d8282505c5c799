/// What `HTTPRequestParser.next()` found in the bytes buffered so far.
public enum HTTPParseResult: Sendable {
    /// No complete request yet; append more bytes.
    case needMoreData
    /// One complete request, body included. Bytes after it stay buffered for the next call.
    case request(HTTPRequest)
    /// The request is unacceptable. The parser stays failed: answer `status` and close the connection.
    case failure(HTTPParseError)
}
