import Foundation

/// Decodes an image file with the real `zbarimg`, so the tests prove a phone-grade reader gets our text back.
enum ZbarReader {
    static let executable = "/usr/bin/zbarimg"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func decode(png: [UInt8]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(
                description: "\(executable) is missing: install it with `apt-get install zbar-tools`; "
                    + "the QR round-trip tests need a real decoder")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qcdc-qr-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("code.png")
        try Data(png).write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--quiet", "--raw", file.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting so a full pipe can never block the child.
        let decoded = output.fileHandleForReading.readDataToEndOfFile()
        let diagnostics = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "zbarimg exited with \(process.terminationStatus): "
                    + String(decoding: diagnostics, as: UTF8.self))
        }
        var text = String(decoding: decoded, as: UTF8.self)
        // --raw still ends the symbol with one newline.
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
