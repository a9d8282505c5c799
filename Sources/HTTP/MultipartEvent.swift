/// What `MultipartParser.append` found in the bytes it was given, in order.
public enum MultipartEvent: Sendable, Hashable {
    /// A part's header block is complete.
    case partBegan(MultipartPartHead)
    /// Some bytes of the current part's content; a part's content is the concatenation of its chunks, which
    /// fall wherever the input was split.
    case partData([UInt8])
    /// The current part's content is complete.
    case partEnded
    /// The close delimiter arrived; anything after it is epilogue and ignored.
    case finished
}
