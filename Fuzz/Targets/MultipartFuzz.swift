// libFuzzer target: multipart/form-data bodies. The first byte picks a split point, the rest is the body
// under boundary "XyZ". The parser must never trap, must keep its limits, and must find the same parts, the
// same ending and the same error whether the body arrives whole, in two pieces, or byte by byte.

struct FuzzOutcome: Equatable {
    var heads: [MultipartPartHead] = []
    var contents: [[UInt8]] = []
    var finished = false
    var error: MultipartError?

    /// A refused body compares by its error alone: the events of the fragment holding the error are dropped.
    static func == (lhs: FuzzOutcome, rhs: FuzzOutcome) -> Bool {
        if lhs.error != nil || rhs.error != nil { return lhs.error == rhs.error }
        return lhs.heads == rhs.heads && lhs.contents == rhs.contents && lhs.finished == rhs.finished
    }
}

func fuzzParse(_ body: [UInt8], splits: [Int], limits: MultipartLimits) -> FuzzOutcome {
    var outcome = FuzzOutcome()
    guard var parser = try? MultipartParser(boundary: "XyZ", limits: limits) else {
        preconditionFailure("fixed boundary refused")
    }
    var inPart = false
    var previous = 0
    do {
        for split in splits + [body.count] where split >= previous {
            for event in try parser.append(body[previous..<split]) {
                switch event {
                case .partBegan(let head):
                    precondition(!inPart, "part began inside a part")
                    inPart = true
                    outcome.heads.append(head)
                    outcome.contents.append([])
                    precondition(outcome.heads.count <= limits.maxParts, "part limit not enforced")
                case .partData(let chunk):
                    precondition(inPart && !chunk.isEmpty, "data outside a part or empty")
                    outcome.contents[outcome.contents.count - 1] += chunk
                    if outcome.heads.last?.isFile == false {
                        precondition(
                            outcome.contents[outcome.contents.count - 1].count <= limits.maxFieldBytes,
                            "field limit not enforced")
                    }
                case .partEnded:
                    precondition(inPart, "part ended outside a part")
                    inPart = false
                case .finished:
                    precondition(!inPart, "finished inside a part")
                    outcome.finished = true
                }
            }
            previous = split
        }
        try parser.finish()
    } catch {
        precondition(error.status.code == 400 || error.status.code == 413, "unexpected status \(error.status)")
        outcome.error = error
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipart(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let limits = MultipartLimits(maxParts: 8, maxHeaderBytesPerPart: 256, maxTotalBytes: 1 << 20, maxFieldBytes: 64)
    let whole = fuzzParse(body, splits: [], limits: limits)
    let split = Int(data[0]) % (body.count + 1)
    precondition(fuzzParse(body, splits: [split], limits: limits) == whole, "split at \(split) changed the outcome")
    if body.count <= 512 {
        precondition(
            fuzzParse(body, splits: Array(0...body.count), limits: limits) == whole, "byte by byte changed the outcome")
    }
    if whole.error == nil { precondition(whole.finished, "accepted a body without its final boundary") }
    return 0
}
