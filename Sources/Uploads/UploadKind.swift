/// The document types a dossier accepts, decided by content: the name and the declared type of an upload are
/// the client's claims, its first bytes (and for DOCX its ZIP directory) are what a viewer will open.
public enum UploadKind: String, Sendable, Hashable, CaseIterable {
    case pdf
    case docx
    case jpeg
    case png

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    /// The extension a downloaded copy gets, without the dot.
    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .docx: "docx"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    /// The kind these bytes are, or nil for anything else (HTML, a ZIP without `word/`, a truncated file).
    public static func detect(_ bytes: UnsafeRawBufferPointer) -> UploadKind? {
        if starts(bytes, with: [0x25, 0x50, 0x44, 0x46, 0x2D]) { return .pdf }  // "%PDF-"
        if starts(bytes, with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(bytes, with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(bytes, with: [0x50, 0x4B, 0x03, 0x04]),  // "PK\3\4": a ZIP's first local header
            ZipDirectory.hasEntry(namePrefix: Array("word/".utf8), in: bytes)
        {
            return .docx
        }
        return nil
    }

    public static func detect(_ bytes: [UInt8]) -> UploadKind? {
        bytes.withUnsafeBytes { detect($0) }
    }

    private static func starts(_ bytes: UnsafeRawBufferPointer, with magic: [UInt8]) -> Bool {
        bytes.count >= magic.count && zip(bytes, magic).allSatisfy { $0 == $1 }
    }
}
