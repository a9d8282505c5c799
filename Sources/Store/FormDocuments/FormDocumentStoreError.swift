/// Why the database refused a form document (unknown owner, a code another unit owns, fields campaigns rely on).
package struct FormDocumentStoreError: Error, Sendable, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
