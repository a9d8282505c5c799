import HTML
import Store
import Survey

/// The two document pieces of the dossier page: the upload form and the download links
/// (`POST /admin/dossiers/{year}/{unit}/documents`, `GET …/documents/{id}`).
enum DossierDocumentSlots {
    /// The upload form (multipart: `csrf` first, so the CSRF check reads it before the file, then `kind`, `file`),
    /// offered only when `kinds` (the kinds this viewer may upload now) is not empty. The file input asks the phone
    /// for documents and photos; the server decides by content whatever the browser says.
    static func uploadForm(year: Int, unit: String, kinds: [DossierDocumentKind], csrf: String?) -> HTML {
        guard !kinds.isEmpty else { return .empty }
        let options = kinds.map { kind -> HTML in
            "<option value=\"\(kind.code)\">\(kind.title)\(kind.required ? " (bắt buộc)" : "")</option>"
        }
        let path = SiteRoute.dossierDocuments(year: year, unit: unit).path
        return """
            <form method="post" action="\(path)" enctype="multipart/form-data" class="upload">
            \(AdminLayout.csrfField(csrf))
            <h3>Tải tài liệu lên</h3>
            <p><label for="kind">Loại tài liệu</label>
            <select id="kind" name="kind" required>\(options)</select></p>
            <p><label for="file">Tệp (PDF, Word .docx, ảnh JPEG hoặc PNG)</label>
            <input id="file" name="file" type="file" required accept=".pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document"></p>
            <p><button type="submit">Tải lên</button></p>
            </form>
            """
    }

    /// A document's name as a download link (the file comes as an attachment, never opened in the page).
    static func documentName(year: Int, unit: String, document: DossierDocument) -> HTML {
        let path = SiteRoute.dossierDocument(year: year, unit: unit, document: document.id).path
        return "<a href=\"\(path)\" download>\(document.fileName)</a>"
    }
}
