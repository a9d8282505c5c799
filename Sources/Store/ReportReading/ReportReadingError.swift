/// Why reading or answering a report, or attaching a photo, was refused; the web side maps the kind to a status.
public struct ReportReadingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No such unit, report or photo.
        case notFound
        /// The unit is outside the user's scope.
        case outOfScope
        /// The reply's text is empty or too long.
        case invalid
        /// The day already has as many photos as allowed.
        case tooManyPhotos
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public static let outOfScope = ReportReadingError(
        .outOfScope, "Đơn vị này không thuộc phạm vi quản lý của tài khoản nên không xem được báo cáo của đơn vị.")
    public static let noReport = ReportReadingError(
        .notFound, "Đơn vị chưa nộp báo cáo của ngày này nên chưa phản hồi được.")
    public static let noPhoto = ReportReadingError(.notFound, "Không có ảnh này trong báo cáo ngày của đơn vị.")
}
