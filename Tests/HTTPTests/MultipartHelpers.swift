@testable import HTTP

/// What a multipart body parsed to, comparable whatever the fragmenting: each part's head and whole content,
/// whether the close delimiter came, and the first error.
struct MultipartOutcome: Equatable, CustomStringConvertible {
    var parts: [(head: MultipartPartHead, content: [UInt8])] = []
    var finished = false
    var error: MultipartError?
    var openParts = 0

    /// A refused body is refused whole: which parts came out before the error depends on the fragmenting (an
    /// error drops the events of the fragment it was found in), so two refusals compare by their error alone.
    static func == (lhs: MultipartOutcome, rhs: MultipartOutcome) -> Bool {
        if lhs.error != nil || rhs.error != nil { return lhs.error == rhs.error }
        return lhs.parts.map(\.head) == rhs.parts.map(\.head) && lhs.parts.map(\.content) == rhs.parts.map(\.content)
            && lhs.finished == rhs.finished && lhs.error == rhs.error
    }

    var description: String {
        "parts=\(parts.map { "\($0.head.name)(\($0.content.count))" }) finished=\(finished) error=\(String(describing: error))"
    }

    func part(_ name: String) -> (head: MultipartPartHead, content: [UInt8])? { parts.first { $0.head.name == name } }
}

/// Parses `bytes` cut at `splits`, then tells the parser the body ended.
func parseMultipart(
    _ bytes: [UInt8], boundary: String = "XyZ", splitAt splits: [Int] = [],
    limits: MultipartLimits = MultipartLimits()
) -> MultipartOutcome {
    var outcome = MultipartOutcome()
    var parser: MultipartParser
    do {
        parser = try MultipartParser(boundary: boundary, limits: limits)
    } catch {
        outcome.error = error
        return outcome
    }
    var current: MultipartPartHead?
    var content: [UInt8] = []
    var previous = 0
    do {
        for split in splits + [bytes.count] where split >= previous {
            for event in try parser.append(bytes[previous..<split]) {
                switch event {
                case .partBegan(let head):
                    precondition(current == nil, "a part began inside another")
                    current = head
                    content = []
                    outcome.openParts += 1
                case .partData(let chunk):
                    precondition(current != nil && !chunk.isEmpty, "data outside a part, or an empty chunk")
                    content += chunk
                case .partEnded:
                    guard let head = current else { preconditionFailure("a part ended that never began") }
                    outcome.parts.append((head, content))
                    current = nil
                case .finished:
                    outcome.finished = true
                }
            }
            previous = split
        }
        try parser.finish()
    } catch {
        outcome.error = error
    }
    return outcome
}

func crlf(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\r\n").utf8) }
