import Survey
import Testing

@testable import App
@testable import Store

extension TestApp {
    /// A 1×1 PNG: the signature, IHDR, one IDAT and IEND, as a camera app's file starts.
    static let pngBytes: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00,
        0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18,
        0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// The first bytes of a JPEG (SOI, APP0 "JFIF"): enough for the content check.
    static let jpegBytes: [UInt8] =
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0xFF, 0xD9]

    /// A person on the unit's helper roster, added at the app's clock.
    @discardableResult
    func addRosterEntry(code: String, as username: String, name: String = "Trần Văn Nam") async throws -> Int64 {
        let user = try await authenticated(username)
        let now = clock.nowSeconds
        let today = clock.today
        return try await pool.write { connection in
            let unit = try #require(try UnitStore(connection).resolve(code: code, on: today))
            return try RosterStore(connection).add(
                unitID: unit.id, name: name, organisation: "Hội Phụ nữ", days: "Thứ Hai, Thứ Tư", by: user, now: now)
        }
    }

    /// The unit's six-month report of the app's year, with a real PDF in the upload store.
    @discardableResult
    func addPeriodicReport(code: String, as username: String, period: ReportPeriod = .sixMonth) async throws -> Int64 {
        let user = try await authenticated(username)
        let now = clock.nowSeconds
        let today = clock.today
        let stored = try #require(environment.uploads).store.store(TestApp.pdfBytes + Array(code.utf8))
        return try await pool.write { connection in
            let unit = try #require(try UnitStore(connection).resolve(code: code, on: today))
            let store = PeriodicReportStore(connection)
            return try store.file(
                unitID: unit.id, year: today.year, period: period,
                document: .init(
                    contentHash: stored.hash.hex, mediaType: "application/pdf", fileName: "bao-cao.pdf",
                    size: stored.size),
                values: try store.figures(Dictionary(uniqueKeysWithValues: PeriodicReportTests.figures)), by: user,
                now: now)
        }
    }

    /// A photo of the unit's day stored as the upload route would (a real file in the app's upload store).
    @discardableResult
    func addReportPhoto(code: String, date: LocalDate, as username: String) async throws -> Int64 {
        let user = try await authenticated(username)
        let now = clock.nowSeconds
        let stored = try #require(environment.uploads).store.store(TestApp.pngBytes + Array(code.utf8))
        return try await pool.write { connection in
            let unit = try #require(try UnitStore(connection).resolve(code: code, on: date))
            return try ReportReadingStore(connection).addPhoto(
                unitID: unit.id, date: date,
                .init(contentHash: stored.hash.hex, mediaType: "image/png", size: stored.size, fileName: "anh.png"),
                limit: 5, by: user, now: now)
        }
    }
}
