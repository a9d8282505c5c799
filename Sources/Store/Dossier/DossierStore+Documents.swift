import Database
import Survey

/// The dossier's documents: the upload route (wired by the integrator over the `Uploads` store) records a stored
/// file here; the page lists them; the uploader's side removes one while it may still change the dossier. Who
/// adds or removes a document of a kind: the subject's kinds by the subject while the dossier is a draft or
/// returned, the reviewer's kinds (the district's approval) by the reviewer while it reviews.
extension DossierStore {
    /// A file the content-addressed store holds, as the upload route hands it over.
    public struct NewDocument: Sendable, Hashable {
        public let kindCode: String
        /// SHA-256 of the content, 64 lowercase hex digits: the file's name in the store.
        public let contentHash: String
        public let size: Int
        /// As sniffed from the content (application/pdf, …), not as declared.
        public let mediaType: String
        public let fileName: String

        public init(kindCode: String, contentHash: String, size: Int, mediaType: String, fileName: String) {
            self.kindCode = kindCode
            self.contentHash = contentHash
            self.size = size
            self.mediaType = mediaType
            self.fileName = fileName
        }
    }

    /// Records an upload on the dossier; returns the document's id. Audited.
    @discardableResult
    public func addDocument(
        year: Int, code: String, _ document: NewDocument, by user: AuthenticatedUser, now: Int64
    ) throws -> Int64 {
        let (dossier, actor) = try load(year: year, code: code, for: user)
        guard let kind = dossier.criteriaSet.documentKinds.first(where: { $0.code == document.kindCode }) else {
            throw DossierError(.invalid, "Hãy chọn loại tài liệu trong danh sách của bộ tiêu chí.")
        }
        try Self.checkUploader(
            kind, actor: actor, state: dossier.record.state, subjectKind: dossier.criteriaSet.subjectKind)
        guard Self.isContentHash(document.contentHash), document.size >= 0 else {
            throw DossierError(.invalid, "Tệp tải lên không hợp lệ. Hãy tải lại tệp.")
        }
        return try connection.transaction {
            try connection.run(
                """
                INSERT INTO dossier_documents (dossier_id, kind_code, content_hash, size, media_type, file_name,
                                               user_id, username, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    dossier.record.id, kind.code, document.contentHash, document.size, document.mediaType,
                    Self.safeFileName(document.fileName), user.id, user.username, now,
                ])
            let id = connection.lastInsertRowID
            try touch(dossier.record.id, now: now)
            try AuditLog(connection).record(
                user, action: .dossierDocumentAdd,
                detail: "\(year) · \(code) · \(kind.title) · \(Self.safeFileName(document.fileName))", at: now)
            return id
        }
    }

    /// The documents present (not removed), by kind order then upload.
    public func documents(dossierID: Int64) throws -> [DossierDocument] {
        try connection.query(
            """
            SELECT id, kind_code, content_hash, size, media_type, file_name, username, uploaded_at
            FROM dossier_documents WHERE dossier_id = ? AND removed_at IS NULL ORDER BY id
            """, [dossierID]
        ).map(Self.document)
    }

    /// One document of the unit's dossier of the year (for the download route, after its scope check); nil when
    /// it is not this dossier's or was removed.
    public func document(id: Int64, year: Int, code: String) throws -> DossierDocument? {
        try connection.queryOne(
            """
            SELECT f.id AS id, f.kind_code AS kind_code, f.content_hash AS content_hash, f.size AS size,
                   f.media_type AS media_type, f.file_name AS file_name, f.username AS username,
                   f.uploaded_at AS uploaded_at
            FROM dossier_documents f JOIN dossiers d ON d.id = f.dossier_id
            WHERE f.id = ? AND d.year = ? AND d.unit_code = ? AND f.removed_at IS NULL
            """, [id, year, code]
        ).map(Self.document)
    }

    /// Removes a document from the dossier (the row is kept, marked removed; the stored file stays). Audited.
    public func removeDocument(id: Int64, year: Int, code: String, by user: AuthenticatedUser, now: Int64) throws {
        let (dossier, actor) = try load(year: year, code: code, for: user)
        guard let document = dossier.documents.first(where: { $0.id == id }) else { throw DossierError.noDocument }
        guard let kind = dossier.criteriaSet.documentKinds.first(where: { $0.code == document.kindCode }) else {
            throw DossierError.noDocument
        }
        try Self.checkUploader(
            kind, actor: actor, state: dossier.record.state, subjectKind: dossier.criteriaSet.subjectKind)
        try connection.transaction {
            try connection.run(
                "UPDATE dossier_documents SET removed_at = ?, removed_by = ? WHERE id = ?",
                [now, user.username, id])
            try touch(dossier.record.id, now: now)
            try AuditLog(connection).record(
                user, action: .dossierDocumentRemove,
                detail: "\(year) · \(code) · \(kind.title) · \(document.fileName)", at: now)
        }
    }

    /// Whether this actor may add or remove documents of this kind now.
    public static func mayUpload(
        _ kind: DossierDocumentKind, actor: DossierActor, state: DossierState, subjectKind: DossierSubjectKind
    ) -> Bool {
        (try? checkUploader(kind, actor: actor, state: state, subjectKind: subjectKind)) != nil
    }

    static func checkUploader(
        _ kind: DossierDocumentKind, actor: DossierActor, state: DossierState, subjectKind: DossierSubjectKind
    ) throws {
        switch kind.uploadedBy {
        case .subject:
            guard actor == .subject else {
                throw DossierError(.rule(.notYourStep(.submit)), "Tài liệu này do đơn vị lập hồ sơ tải lên.")
            }
            guard state.isEditableBySubject else {
                throw DossierError(
                    .rule(.notNow(.submit, state)),
                    "Hồ sơ đang ở trạng thái “\(state.label)”: chỉ thay đổi tài liệu khi hồ sơ đang lập hoặc bị trả lại."
                )
            }
        case .reviewer:
            guard actor == .reviewer, subjectKind.hasReview else {
                throw DossierError(.rule(.notYourStep(.forward)), "Tài liệu này do huyện tải lên khi thẩm định.")
            }
            guard state == .submitted else {
                throw DossierError(
                    .rule(.notNow(.forward, state)), "Huyện chỉ thay đổi tài liệu thẩm định khi hồ sơ chờ thẩm định.")
            }
        }
    }

    static func isContentHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The original file name as data: the last path component (either slash), control characters and
    /// bidirectional overrides dropped, at most 200 characters; "tai-lieu" when nothing is left.
    public static func safeFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(
            String.UnicodeScalarView(
                last.unicodeScalars.filter { scalar in
                    !(scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                        || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value))
                })
        ).dossierTrimmed
        let short = String(cleaned.prefix(200))
        return short.isEmpty || short == "." || short == ".." ? "tai-lieu" : short
    }

    private static func document(_ row: Row) throws -> DossierDocument {
        DossierDocument(
            id: try row.int64("id"), kindCode: try row.string("kind_code"), contentHash: try row.string("content_hash"),
            size: try row.int("size"), mediaType: try row.string("media_type"), fileName: try row.string("file_name"),
            username: try row.string("username"), uploadedAt: try row.int64("uploaded_at"))
    }
}
