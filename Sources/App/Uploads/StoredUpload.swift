import HTTP
import Uploads
import Web

/// Serving a file from the upload store, the one way every route does it: read off the event loop, a missing file
/// logged for the operator and a 404 for the user, and headers that never let a browser run or sniff it.
enum StoredUpload {
    static let noStore = HTTPError(
        .serviceUnavailable,
        message: "Máy chủ chưa có nơi lưu tài liệu tải lên. Báo quản trị hệ thống (qcdc serve đặt thư mục uploads).")

    /// The bytes stored under `contentHash`; `what` names the file in the log ("tài liệu 3 của hồ sơ 07201 2026").
    static func bytes(_ environment: AppEnvironment, contentHash: String, what: String) async throws -> [UInt8] {
        guard let receiver = environment.uploads else { throw noStore }
        guard let hash = ContentHash(contentHash), let bytes = try await receiver.store.contentsOffLoop(of: hash)
        else {
            environment.log("\(what): thiếu tệp \(contentHash) trong kho tải lên")
            throw HTTPError(.notFound, message: "Không tìm thấy tệp này trên máy chủ. Báo quản trị hệ thống.")
        }
        return bytes
    }

    /// A document to save, never to open in the page, under its original name made harmless.
    static func attachment(_ bytes: [UInt8], mediaType: String, fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.add("Content-Type", mediaType)
        headers.add("Content-Disposition", StoredFileName(original: fileName).attachmentDisposition)
        headers.add("X-Content-Type-Options", "nosniff")
        headers.add("Cache-Control", "private, no-store")
        return Response(status: .ok, headers: headers, body: bytes)
    }

    /// An image shown in the page (JPEG or PNG by content when it was stored).
    static func image(_ bytes: [UInt8], mediaType: String) -> Response {
        var headers = HTTPHeaders()
        headers.add("Content-Type", mediaType)
        headers.add("X-Content-Type-Options", "nosniff")
        headers.add("Cache-Control", "private, max-age=3600")
        return Response(status: .ok, headers: headers, body: bytes)
    }
}
