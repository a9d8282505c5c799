import Foundation

extension UploadReceiver {
    /// `receive(body:contentType:)` on a thread of its own, for handlers: writing and fsyncing up to 20 MB would
    /// otherwise block the event loop (or one of Swift's two cooperative threads here) for every other request.
    /// Uploads are rare (a few documents per commune and year), so a short-lived thread each is cheap.
    public func receiveOffLoop(body: [UInt8], contentType: String?) async throws(UploadError) -> ReceivedUpload {
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<ReceivedUpload, UploadError>, Never>) in
            Thread {
                continuation.resume(
                    returning: Result { () throws(UploadError) in try receive(body: body, contentType: contentType) })
            }.start()
        }
        return try result.get()
    }
}
