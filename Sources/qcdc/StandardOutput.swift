import Foundation
import Store

/// One write(2) per line: lines from different threads never interleave, and nothing waits on a Swift lock.
enum StandardOutput {
    static let line: @Sendable (String) -> Void = { text in
        var bytes = Array(text.utf8)
        bytes.append(10)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
