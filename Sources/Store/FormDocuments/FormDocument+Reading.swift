import Survey

/// Reads a document and checks it whole, collecting every problem with its line and field, so that one run of
/// `qcdc form import` lists everything to fix.
extension FormDocument {
    package static func read(_ bytes: [UInt8]) throws(FormDocumentError) -> FormDocument {
        let root: JSONNode
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw FormDocumentError(problems: [.init(line: error.line, path: "", message: error.message)])
        }
        var reader = FormDocumentReader()
        let document = reader.document(root)
        guard reader.problems.isEmpty, let document else {
            throw FormDocumentError(problems: reader.problems.sorted { $0.line < $1.line })
        }
        return document
    }
}
