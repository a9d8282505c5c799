import Database
import Survey

extension ReportReadingStore {
    /// The photos of the unit's day, in upload order.
    public func photos(unitID: Int64, date: LocalDate) throws -> [ReportPhoto] {
        try connection.query(
            "\(Self.photoColumns) WHERE unit_id = ? AND local_date = ? ORDER BY id", [unitID, date.iso]
        ).map(Self.photo)
    }

    /// One photo of the unit's day, or nil (another unit's or another day's photo is nil too).
    public func photo(id: Int64, unitID: Int64, date: LocalDate) throws -> ReportPhoto? {
        try connection.queryOne(
            "\(Self.photoColumns) WHERE id = ? AND unit_id = ? AND local_date = ?", [id, unitID, date.iso]
        ).map(Self.photo)
    }

    /// Records a received photo for the unit's day unless the day already has `limit`; the count and the insert
    /// are one transaction, so two phones sending at once cannot pass the limit.
    @discardableResult
    public func addPhoto(
        unitID: Int64, date: LocalDate, _ photo: ReportPhoto.New, limit: Int, by user: AuthenticatedUser, now: Int64
    ) throws -> Int64 {
        try connection.transaction {
            let count: Int =
                try connection.scalar(
                    "SELECT count(*) FROM unit_daily_report_photos WHERE unit_id = ? AND local_date = ?",
                    [unitID, date.iso]) ?? 0
            guard count < limit else { throw Self.tooManyPhotos(limit) }
            try connection.run(
                """
                INSERT INTO unit_daily_report_photos (unit_id, local_date, content_hash, media_type, size, file_name,
                                                      uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [unitID, date.iso, photo.contentHash, photo.mediaType, photo.size, photo.fileName, user.id, now])
            return connection.lastInsertRowID
        }
    }

    /// How many photos the unit's day has.
    public func photoCount(unitID: Int64, date: LocalDate) throws -> Int {
        try connection.scalar(
            "SELECT count(*) FROM unit_daily_report_photos WHERE unit_id = ? AND local_date = ?", [unitID, date.iso])
            ?? 0
    }

    public static func tooManyPhotos(_ limit: Int) -> ReportReadingError {
        ReportReadingError(.tooManyPhotos, "Mỗi ngày chỉ gửi được tối đa \(limit) ảnh; ngày này đã đủ.")
    }

    static let photoColumns = """
        SELECT id, unit_id, local_date, content_hash, media_type, size, file_name, uploaded_at
        FROM unit_daily_report_photos
        """

    static func photo(_ row: Row) throws -> ReportPhoto {
        let id = try row.int64("id")
        guard let date = LocalDate(iso: try row.string("local_date")) else {
            throw ReportDataError(description: "Ảnh báo cáo số \(id) có ngày hỏng trong cơ sở dữ liệu.")
        }
        return ReportPhoto(
            id: id, unitID: try row.int64("unit_id"), date: date, contentHash: try row.string("content_hash"),
            mediaType: try row.string("media_type"), size: try row.int("size"), fileName: try row.string("file_name"),
            uploadedAt: try row.int64("uploaded_at"))
    }
}
