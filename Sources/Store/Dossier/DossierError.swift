import Survey

/// Why a dossier or a criteria set refused a request; `message` is Vietnamese and says what to do. The HTTP
/// status is the web side's (`App/Routing/StoreErrors+HTTP.swift`).
public struct DossierError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No such unit, set, dossier or document.
        case notFound
        /// The unit is outside the account's scope.
        case outOfScope
        /// The workflow refuses the step (state, actor or what the step needs).
        case rule(DossierRuleError)
        /// A field is missing or malformed.
        case invalid
        /// A criteria set a dossier uses cannot change.
        case frozen
    }

    public let kind: Kind
    public let message: String

    public var description: String { message }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func rule(_ error: DossierRuleError) -> DossierError { DossierError(.rule(error), error.message) }

    static let noUnit = DossierError(.notFound, "Không có xã hoặc huyện mang mã này.")
    static let noSet = DossierError(
        .notFound, "Năm này chưa có bộ tiêu chí công nhận. Cấp tỉnh cần lập bộ tiêu chí trước khi xã lập hồ sơ.")
    static let noDossier = DossierError(.notFound, "Đơn vị này chưa lập hồ sơ công nhận của năm.")
    package static let noDocument = DossierError(.notFound, "Không có tài liệu này trong hồ sơ.")
    static let outOfScope = DossierError(.outOfScope, "Hồ sơ này nằm ngoài phạm vi tài khoản của bạn.")
    static let frozen = DossierError(
        .frozen, "Bộ tiêu chí này đã có hồ sơ sử dụng nên không sửa được. Hãy sao chép thành phiên bản mới để sửa.")
}
