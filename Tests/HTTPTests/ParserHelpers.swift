@testable import HTTP

/// Feeds `bytes` in pieces of `chunk` bytes (or at the given split points) and collects every result.
func parseAll(_ bytes: [UInt8], splitAt splits: [Int] = [], limits: HTTPLimits = HTTPLimits()) -> [HTTPParseResult] {
    var parser = HTTPRequestParser(limits: limits)
    var results: [HTTPParseResult] = []
    var previous = 0
    for split in splits + [bytes.count] where split >= previous {
        parser.append(Array(bytes[previous..<split]))
        previous = split
        drain: while true {
            let result = parser.next()
            switch result {
            case .needMoreData: break drain
            case .request: results.append(result)
            case .failure:
                results.append(result)
                return results
            }
        }
    }
    return results
}

func requests(in results: [HTTPParseResult]) -> [HTTPRequest] {
    results.compactMap { if case .request(let request) = $0 { request } else { nil } }
}

func failure(in results: [HTTPParseResult]) -> HTTPParseError? {
    for result in results { if case .failure(let error) = result { return error } }
    return nil
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A comparable digest of a request, so tests can compare whole requests.
struct RequestDigest: Equatable, CustomStringConvertible {
    let method: String, target: String, path: String, rawPath: String, query: String?, version: String
    let headers: [String], body: [UInt8]

    init(_ request: HTTPRequest) {
        method = request.method.rawValue
        target = request.target
        path = request.path
        rawPath = request.rawPath
        query = request.query
        version = request.version.rawValue
        headers = request.headers.map { "\($0.name): \($0.value)" }
        body = request.body
    }

    var description: String { "\(method) \(target) \(headers) body=\(body.count)" }
}
