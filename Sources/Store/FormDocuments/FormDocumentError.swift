/// Why a form document was refused: every problem found, each with the line and the field to fix, e.g.
/// "dòng 12, questions[3].options[1].polarity: …". Indices count from 0, as in jq and JSON Pointer.
package struct FormDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    package struct Problem: Sendable, Hashable, CustomStringConvertible {
        package let line: Int
        package let path: String
        package let message: String
        package var description: String {
            path.isEmpty ? "dòng \(line): \(message)" : "dòng \(line), \(path): \(message)"
        }
    }

    package let problems: [Problem]

    package var description: String { problems.map(\.description).joined(separator: "\n") }
}
