/// A document a criteria set asks for (tờ trình, báo cáo kết quả, …): whether it is required and whose it is to
/// upload — the unit the dossier is about, or its reviewer at review (the district's approval of a commune).
public struct DossierDocumentKind: Sendable, Hashable {
    public enum Uploader: String, Sendable, Hashable, CaseIterable {
        case subject
        case reviewer
    }

    public let code: String
    public let title: String
    public let required: Bool
    public let uploadedBy: Uploader

    public init(code: String, title: String, required: Bool, uploadedBy: Uploader) {
        self.code = code
        self.title = title
        self.required = required
        self.uploadedBy = uploadedBy
    }

    /// Who uploads it, as the page says it.
    public func uploaderLabel(_ kind: DossierSubjectKind) -> String {
        switch (uploadedBy, kind) {
        case (.subject, .commune): "Xã"
        case (.subject, .districtCommittee): "Huyện"
        case (.reviewer, _): "Huyện (khi thẩm định)"
        }
    }
}
