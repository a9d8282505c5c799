#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Default destinations for log lines. One `write` per line keeps lines from different threads whole.
public enum LogSink {
    public static let standardOutput: @Sendable (String) -> Void = { line in writeAll(line + "\n", to: 1) }
    public static let standardError: @Sendable (String) -> Void = { line in writeAll(line + "\n", to: 2) }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return  // Nowhere to report a failing log; dropping the line beats blocking the request.
            }
        }
    }
}
