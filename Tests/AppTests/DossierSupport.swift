import Database
import Survey
import Testing

@testable import App
@testable import Store

/// Helpers of the dossier tests: the stores' user for an account, and documents recorded as the upload route will
/// record them (a made-up content hash: the file store is not part of these tests).
extension TestApp {
    func authenticated(_ username: String) async throws -> AuthenticatedUser {
        let record = try await pool.read { try UserStore($0).find(username: username) }
        guard let record else { throw DossierError(.notFound, "no account \(username)") }
        return record.authenticated(viaAPIToken: false)
    }

    /// Starts the unit's dossier of the year as its own account would by opening the page.
    func openDossier(year: Int, code: String, as username: String) async throws {
        let user = try await authenticated(username)
        let now = clock.nowSeconds
        _ = try await pool.write { try DossierStore($0).open(year: year, code: code, by: user, now: now) }
    }

    @discardableResult
    func addDossierDocument(year: Int, code: String, kind: String, as username: String, name: String = "to-trinh.pdf")
        async throws -> Int64
    {
        let user = try await authenticated(username)
        let now = clock.nowSeconds
        // A real file in the app's upload store, so the download route finds what it names.
        let stored = try #require(environment.uploads).store.store(TestApp.pdfBytes + Array(name.utf8))
        return try await pool.write { connection in
            try DossierStore(connection).addDocument(
                year: year, code: code,
                .init(
                    kindCode: kind, contentHash: stored.hash.hex, size: stored.size, mediaType: "application/pdf",
                    fileName: name),
                by: user, now: now)
        }
    }

    /// Every self score of the 2024 commune set but the satisfaction criterion's, as the form sends them.
    static let selfScores: [(String, String)] = [
        ("points-1.1", "7"), ("note-1.1", "Niêm yết đủ 12 nội dung công khai"), ("points-1.2", "6,5"),
        ("points-1.3", "5"), ("points-2.1", "9"), ("points-2.2", "7"), ("points-2.3", "6"), ("points-3.1", "9"),
        ("points-3.2", "9,5"), ("points-4", "13"),
    ]
}

extension HTMLForm {
    /// The pairs a browser sends for the form as rendered: enabled controls, checked boxes and radios only, no
    /// buttons.
    var submission: [(String, String)] {
        fields.compactMap { field in
            guard !field.isDisabled, field.type != "button", field.type != "submit" else { return nil }
            if ["checkbox", "radio"].contains(field.type), !field.isChecked { return nil }
            return (field.name, field.value ?? "")
        }
    }
}
