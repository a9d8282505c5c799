import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The dossiers of 2024 in APIWorld, one in each state the list page tells apart: 07201 decided and recognised,
/// 07204 decided and not recognised (district 213), 07207 a draft with no document yet, 07243 submitted with its own
/// documents but not yet the district's approval (district 215), district 213's committee a draft; every other unit
/// has none.
enum APIDossierFixture {
    static let year = DossierListTests.year

    static func fill(_ world: APIWorld) async throws {
        let app = world.app
        try await app.addUser("xa07204", role: .commune, unit: "07204")
        try await app.addUser("xa07207", role: .commune, unit: "07207")
        try await DossierListTests.advance(app, "07201", as: "xa07201", until: .decided)
        try await DossierListTests.advance(app, "07204", as: "xa07204", until: .districtReviewed)
        let province = try await app.authenticated("tinh24")
        let now = app.clock.nowSeconds
        try await app.pool.write { connection in
            try DossierStore(connection).perform(
                .decide, year: year, code: "07204",
                decision: .init(recognised: false, number: "32/QĐ-BCĐ", date: LocalDate(iso: "2024-06-29")!),
                by: province, now: now)
        }
        try await app.openDossier(year: year, code: "07207", as: "xa07207")
        try await DossierListTests.advance(app, "07243", as: "xa07243", until: .submitted)
        try await app.openDossier(year: year, code: "213", as: "huyen213")
    }

    /// A line of the list as a client decodes it (absent and null keys are told apart by `objects`).
    struct Line: Decodable, Equatable {
        let code: String
        let name: String
        let level: String
        let district: String?
        let state: String?
        let stateLabel: String
        let selfScore: Double?
        let districtScore: Double?
        let provinceScore: Double?
        let passes: Bool?
        let missingDocuments: [String]?
        let recognised: Bool?
        let decisionNumber: String?
        let decisionDate: String?
    }

    static let keys: Set<String> = [
        "code", "name", "level", "district", "state", "state_label", "self_score", "district_score", "province_score",
        "passes", "missing_documents", "recognised", "decision_number", "decision_date",
    ]

    static func lines(_ response: HTTPResponse) throws -> [Line] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([Line].self, from: Data(response.body))
    }

    static func objects(_ response: HTTPResponse) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
    }

    static func line(_ lines: [Line], _ code: String) throws -> Line {
        try #require(lines.first { $0.code == code }, "no line \(code)")
    }

    /// The page's rows (committees' table, then communes') in order, each with the code its unit cell notes.
    static func pageRows(_ response: HTTPResponse) -> [(code: String, row: HTMLTable.Row)] {
        let document = response.document
        let rows = ["district-dossiers", "commune-dossiers"].flatMap { document.table(class: $0)?.rows ?? [] }
        return rows.map { row in
            (row.cell("Đơn vị")?.elements(class: "note").first?.text ?? "", row)
        }
    }

    /// Every figure of an API line reads on the page's row as the page writes it.
    static func expectSame(_ line: Line, as row: HTMLTable.Row, sourceLocation: SourceLocation = #_sourceLocation) {
        let code = line.code
        #expect(row["Trạng thái"] == line.stateLabel, "\(code)", sourceLocation: sourceLocation)
        #expect(row["Tự chấm"] == Format.points(line.selfScore), "\(code)", sourceLocation: sourceLocation)
        #expect(row["Huyện thẩm định"] == Format.points(line.districtScore), "\(code)", sourceLocation: sourceLocation)
        #expect(row["Tỉnh chấm"] == Format.points(line.provinceScore), "\(code)", sourceLocation: sourceLocation)
        let verdict = line.passes.map { $0 ? "Đạt" : "Chưa đạt" } ?? "–"
        #expect(row["Mức công nhận"] == verdict, "\(code)", sourceLocation: sourceLocation)
        let missing = line.missingDocuments.map { $0.isEmpty ? "Đủ" : $0.joined(separator: "; ") } ?? "–"
        #expect(row["Tài liệu còn thiếu"] == missing, "\(code)", sourceLocation: sourceLocation)
        let decision =
            line.recognised.map { recognised in
                let date = line.decisionDate.flatMap { LocalDate(iso: $0) }?.vietnamese ?? ""
                return "\(recognised ? "Công nhận" : "Không công nhận") · QĐ \(line.decisionNumber ?? "") ngày \(date)"
            } ?? "–"
        #expect(row["Quyết định"] == decision, "\(code)", sourceLocation: sourceLocation)
    }
}
