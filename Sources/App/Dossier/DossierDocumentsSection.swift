import HTML
import Store
import Survey

/// "Tài liệu": the kinds the set asks for (required or not, whose to upload, present or missing), then each
/// document with its name, kind, size, date and uploader, and a remove button for the side that may still
/// change it. The upload form and the download links are `DossierDocumentSlots`'.
struct DossierDocumentsSection {
    let dossier: Dossier
    let actor: DossierActor
    let csrf: String?

    var record: DossierRecord { dossier.record }
    var set: CriteriaSet { dossier.criteriaSet }

    func render() -> HTML {
        let present = Dictionary(grouping: dossier.documents, by: \.kindCode)
        let kinds = set.documentKinds.map { kind -> HTML in
            let count = present[kind.code]?.count ?? 0
            let state: HTML =
                count > 0
                ? "<span class=\"present\">Đã có (\(Format.count(count)))</span>"
                : kind.required ? "<strong class=\"missing\">Còn thiếu</strong>" : "<span class=\"note\">Chưa có</span>"
            return """
                <tr><td data-label="Tài liệu">\(kind.title)</td><td data-label="Bắt buộc">\(kind.required ? "Có" : "Không")</td><td data-label="Người tải lên">\(kind.uploaderLabel(set.subjectKind))</td><td data-label="Tình trạng">\(state)</td></tr>
                """
        }
        let titles = Dictionary(uniqueKeysWithValues: set.documentKinds.map { ($0.code, $0.title) })
        let documents = dossier.documents.map { document -> HTML in
            let name = DossierDocumentSlots.documentName(year: record.year, unit: record.unitCode, document: document)
            return """
                <tr><td data-label="Tệp">\(name)</td><td data-label="Loại">\(titles[document.kindCode] ?? document.kindCode)</td><td data-label="Dung lượng">\(Self.size(document.size))</td><td data-label="Ngày tải">\(DeskRoutes.dateTime(document.uploadedAt))</td><td data-label="Người tải">\(document.username)</td><td>\(removeButton(document))</td></tr>
                """
        }
        let list: HTML =
            documents.isEmpty
            ? "<p class=\"note\">Chưa có tài liệu nào.</p>"
            : """
            <table class="cards dossier-documents"><thead><tr><th>Tệp</th><th>Loại</th><th>Dung lượng</th><th>Ngày tải</th><th>Người tải</th><th></th></tr></thead><tbody>\(documents)</tbody></table>
            """
        let uploadable = set.documentKinds.filter {
            DossierStore.mayUpload($0, actor: actor, state: record.state, subjectKind: set.subjectKind)
        }
        return """
            <section id="tai-lieu"><h2>Tài liệu</h2>
            <table class="cards dossier-kinds"><thead><tr><th>Tài liệu</th><th>Bắt buộc</th><th>Người tải lên</th><th>Tình trạng</th></tr></thead><tbody>\(kinds)</tbody></table>
            \(list)
            \(DossierDocumentSlots.uploadForm(year: record.year, unit: record.unitCode, kinds: uploadable, csrf: csrf))
            </section>
            """
    }

    private func removeButton(_ document: DossierDocument) -> HTML {
        guard let kind = set.documentKinds.first(where: { $0.code == document.kindCode }),
            DossierStore.mayUpload(kind, actor: actor, state: record.state, subjectKind: set.subjectKind)
        else { return .empty }
        let path = SiteRoute.removeDossierDocument(year: record.year, unit: record.unitCode, document: document.id).path
        return """
            <form method="post" action="\(path)" class="inline">\(AdminLayout.csrfField(csrf))<button type="submit" class="link">Gỡ</button></form>
            """
    }

    /// "850 byte", "12 KB", "1,5 MB".
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(Format.count(bytes)) byte" }
        if bytes < 1024 * 1024 { return "\(Format.count((bytes + 512) / 1024)) KB" }
        return "\(Format.decimal(Double(bytes) / 1_048_576, digits: 1)) MB"
    }
}
