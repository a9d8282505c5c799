import Glibc

/// A socket or system call that failed while starting the server, with errno and its text
/// ("bind 127.0.0.1:8080: Address already in use (errno 98)").
public struct ServerError: Error, Sendable, CustomStringConvertible {
    /// What the server was doing ("bind 127.0.0.1:8080").
    public let operation: String
    public let errno: Int32
    public let message: String

    init(_ operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
        self.message = String(cString: strerror(errno))
    }

    init(_ operation: String, message: String) {
        self.operation = operation
        self.errno = 0
        self.message = message
    }

    public var description: String {
        errno == 0 ? "\(operation): \(message)" : "\(operation): \(message) (errno \(errno))"
    }
}
