import HTTP

/// Turns a `multipart/form-data` body into its text fields and one stored file, so an upload route handler is
/// a few lines: receive, check the fields, record the returned hash.
///
/// The file streams from the parser into the store's temporary file in slices, is sniffed there (PDF, DOCX,
/// JPEG or PNG by content, whatever its name or declared type), and is kept only if it passes; a refused
/// upload leaves nothing on disk.
public struct UploadReceiver: Sendable {
    public let store: ContentAddressedStore
    public let limits: UploadLimits
    /// The form field that carries the file.
    public let fileField: String

    /// Bodies are fed to the parser in slices of this size, so no part is ever copied whole.
    static let sliceBytes = 64 * 1024

    public init(store: ContentAddressedStore, limits: UploadLimits = UploadLimits(), fileField: String = "file") {
        self.store = store
        self.limits = limits
        self.fileField = fileField
    }

    /// Parses `body` (the request's `Content-Type` gives the boundary) and stores its file.
    public func receive(body: [UInt8], contentType: String?) throws(UploadError) -> ReceivedUpload {
        guard let contentType else {
            throw UploadError.from(MultipartError(status: .unsupportedMediaType, reason: "no Content-Type"))
        }
        var parser: MultipartParser
        do {
            parser = try MultipartParser(contentType: contentType, limits: limits.multipart)
        } catch {
            throw UploadError.from(error)
        }
        var state = ReceiveState()
        defer { state.writer?.abandon() }
        var offset = 0
        repeat {
            let end = min(body.count, offset + Self.sliceBytes)
            let events: [MultipartEvent]
            do {
                events = try parser.append(body[offset..<end])
            } catch {
                throw UploadError.from(error)
            }
            for event in events { try handle(event, &state) }
            offset = end
        } while offset < body.count
        do {
            try parser.finish()
        } catch {
            throw UploadError.from(error)
        }
        guard let writer = state.writer, let name = state.fileName, writer.size > 0 else {
            throw UploadError.missingFile
        }
        let kind: UploadKind?
        do {
            kind = try writer.withContents { UploadKind.detect($0) }
        } catch {
            throw UploadError.storage(error)
        }
        guard let kind else { throw UploadError.unsupported }
        let content: StoredContent
        do {
            content = try writer.commit()
        } catch {
            throw UploadError.storage(error)
        }
        return ReceivedUpload(
            fields: URLEncodedForm(state.fields.map { URLEncodedForm.Field(name: $0.name, value: $0.value) }),
            file: ReceivedUpload.File(content: content, kind: kind, name: StoredFileName(original: name)))
    }

    private struct ReceiveState {
        var writer: ContentWriter?
        var fileName: String?
        var inFile = false
        var field: (name: String, value: [UInt8])?
        var fields: [(name: String, value: String)] = []
    }

    private func handle(_ event: MultipartEvent, _ state: inout ReceiveState) throws(UploadError) {
        switch event {
        case .partBegan(let head):
            guard head.isFile else {
                state.field = (head.name, [])
                return
            }
            // A browser sends an empty part with filename="" for a file input left empty.
            guard head.name == fileField, !(head.filename ?? "").isEmpty else {
                state.inFile = false
                state.field = nil
                return
            }
            guard state.writer == nil else { throw UploadError.tooManyFiles }
            do {
                state.writer = try store.makeWriter()
            } catch {
                throw UploadError.storage(error)
            }
            state.fileName = head.filename
            state.inFile = true
        case .partData(let chunk):
            if state.inFile, let writer = state.writer {
                guard writer.size + chunk.count <= limits.maxFileBytes else {
                    throw UploadError.fileTooLarge(limits.maxFileBytes)
                }
                do {
                    try writer.write(chunk)
                } catch {
                    throw UploadError.storage(error)
                }
            } else if state.field != nil {
                state.field?.value += chunk
            }
        case .partEnded:
            if let field = state.field {
                state.fields.append((field.name, String(decoding: field.value, as: UTF8.self)))
            }
            state.field = nil
            state.inFile = false
        case .finished:
            break
        }
    }
}
