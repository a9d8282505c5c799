import HTTP

/// Why an upload was refused: the status to answer, a Vietnamese message for the page, and an English detail
/// for the log. 400 for a malformed or incomplete form, 413 over a size limit, 415 for a file that is not a
/// PDF, DOCX, JPEG or PNG by content (or a body that is not multipart/form-data), 500 when storing failed.
public struct UploadError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case malformed
        case tooLarge
        case notMultipart
        case unsupportedType
        case missingFile
        case tooManyFiles
        case storage
    }

    public let kind: Kind
    public let message: String
    public let detail: String

    public init(_ kind: Kind, message: String, detail: String) {
        self.kind = kind
        self.message = message
        self.detail = detail
    }

    public var status: HTTPStatus {
        switch kind {
        case .malformed, .missingFile, .tooManyFiles: .badRequest
        case .tooLarge: .contentTooLarge
        case .notMultipart, .unsupportedType: .unsupportedMediaType
        case .storage: .internalServerError
        }
    }

    public var description: String { "\(status): \(detail)" }

    static func from(_ error: MultipartError) -> UploadError {
        switch error.status.code {
        case 413:
            UploadError(
                .tooLarge, message: "Nội dung gửi lên quá lớn. Vui lòng gửi tệp nhỏ hơn.", detail: error.reason)
        case 415:
            UploadError(
                .notMultipart, message: "Biểu mẫu tải tệp không được gửi đúng cách. Vui lòng tải lại trang và thử lại.",
                detail: error.reason)
        default:
            UploadError(
                .malformed, message: "Dữ liệu tải lên không hợp lệ hoặc bị gián đoạn. Vui lòng thử lại.",
                detail: error.reason)
        }
    }

    static func fileTooLarge(_ limit: Int) -> UploadError {
        UploadError(
            .tooLarge, message: "Tệp quá lớn: tối đa \(limit / (1024 * 1024)) MB mỗi tệp.",
            detail: "file over \(limit) bytes")
    }

    static let unsupported = UploadError(
        .unsupportedType, message: "Chỉ nhận tệp PDF, DOCX, JPEG hoặc PNG.",
        detail: "file content is not PDF, DOCX, JPEG or PNG")

    static let missingFile = UploadError(
        .missingFile, message: "Chưa chọn tệp để tải lên.", detail: "no file in the form")

    static let tooManyFiles = UploadError(
        .tooManyFiles, message: "Mỗi lần chỉ tải lên một tệp.", detail: "more than one file part")

    static func storage(_ error: UploadStoreError) -> UploadError {
        UploadError(.storage, message: "Không lưu được tệp. Vui lòng thử lại sau.", detail: error.description)
    }
}
