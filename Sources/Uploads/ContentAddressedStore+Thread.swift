import Foundation

extension ContentAddressedStore {
    /// `contents(of:)` on a thread of its own, for download handlers: reading a 20 MB document must not hold an event
    /// loop (or one of the two cooperative threads of a 2-core machine). Downloads are rare, a thread each is cheap.
    public func contentsOffLoop(of hash: ContentHash) async throws(UploadStoreError) -> [UInt8]? {
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<[UInt8]?, UploadStoreError>, Never>) in
            Thread {
                continuation.resume(returning: Result { () throws(UploadStoreError) in try contents(of: hash) })
            }.start()
        }
        return try result.get()
    }
}
