import Glibc

/// A filesystem failure of the upload store, with the call, the path and the system's reason, so an operator
/// can fix permissions or free space.
public struct UploadStoreError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32

    init(_ operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var isNotFound: Bool { code == ENOENT }

    public var description: String {
        "upload store: \(operation) \(path): \(String(cString: strerror(code))) (errno \(code))"
    }
}
