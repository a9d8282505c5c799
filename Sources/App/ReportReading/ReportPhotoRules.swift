import Uploads

/// How many photos of the day's outreach a unit may attach to a day, and how large each may be: well under the
/// dossier's document limit, since a phone photo resized by the camera app is 1–4 MB. `qcdc serve` sets the size
/// from QCDC_REPORT_PHOTO_MAX_MB; the upload limit of the server stays the ceiling.
public struct ReportPhotoRules: Sendable, Hashable {
    public var perDay: Int
    public var maxFileBytes: Int

    public init(perDay: Int = 5, maxFileBytes: Int = 5 * 1024 * 1024) {
        self.perDay = perDay
        self.maxFileBytes = maxFileBytes
    }

    /// The receiver limits for a photo: this size, never above what the server lets an upload route carry.
    func limits(under server: UploadLimits) -> UploadLimits {
        UploadLimits(maxFileBytes: min(maxFileBytes, server.maxFileBytes))
    }
}
