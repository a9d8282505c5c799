// swift-format-ignore-file: AmbiguousTrailingClosureOverload

import Foundation

@testable import Database

/// A fresh directory per test, removed afterwards, so tests never share a database file.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "qcdc-db-test-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: created)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ contents: String) throws {
        try contents.write(toFile: file(name), atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

// The sync and async overloads are chosen by the caller's context, as `withTaskCancellationHandler`'s are.
@discardableResult
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
}

@discardableResult
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try await body(directory)
}

/// A connection on a new file in `directory`, with fsync off since these tests do not test durability.
func openConnection(in directory: TemporaryDirectory, name: String = "test.sqlite") throws -> Connection {
    try Connection(path: directory.file(name), configuration: ConnectionConfiguration(synchronous: .off))
}
