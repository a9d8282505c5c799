import HTML
import Store
import Survey

/// THE INTEGRATOR'S SPOT for the two document routes (`POST /admin/dossiers/{year}/{unit}/documents`, `GET
/// /admin/dossiers/{year}/{unit}/documents/{id}`), which come with the `Uploads` module: the dossier page calls
/// these two functions and prints what they return. Until those routes exist the page lists documents by name
/// without a link and offers no upload form; replace the bodies below, nothing else on the page needs to change.
enum DossierDocumentSlots {
    /// The upload form (multipart: `kind`, `file`, the CSRF token `csrf`), offered only when `kinds` (the kinds this
    /// viewer may upload now) is not empty. Empty until the upload route exists.
    static func uploadForm(year: Int, unit: String, kinds: [DossierDocumentKind], csrf: String?) -> HTML {
        guard !kinds.isEmpty else { return .empty }
        return "<p class=\"note\">Chức năng tải tài liệu lên đang được hoàn thiện.</p>"
    }

    /// A document's name as the list prints it: the download link once the route exists; the name alone now.
    static func documentName(year: Int, unit: String, document: DossierDocument) -> HTML {
        "\(document.fileName)"
    }
}
