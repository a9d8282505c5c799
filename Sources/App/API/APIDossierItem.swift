import Store
import Survey

/// One line of `GET /api/v1/years/{year}/dossiers`: a row of the list page `/admin/dossiers/{year}`, a district
/// committee's or a commune's, with or without a dossier. Every key is always written (`null` where the page shows
/// "–"), so every object has the same keys.
struct APIDossierItem: Encodable, Sendable {
    enum Level: String, Sendable {
        case district
        case commune
    }

    let code: String
    let name: String
    let level: String
    @Nullable var district: String?
    @Nullable var state: String?
    let stateLabel: String
    @Nullable var selfScore: Double?
    @Nullable var districtScore: Double?
    @Nullable var provinceScore: Double?
    @Nullable var passes: Bool?
    @Nullable var missingDocuments: [String]?
    @Nullable var recognised: Bool?
    @Nullable var decisionNumber: String?
    @Nullable var decisionDate: String?

    init(item: DossierListItem, level: Level) {
        code = item.code
        name = item.name
        self.level = level.rawValue
        district = item.districtCode
        state = item.state?.rawValue
        stateLabel = item.stateLabel
        selfScore = APIYearDossier.points(item.selfTotal)
        districtScore = APIYearDossier.points(item.districtTotal)
        provinceScore = APIYearDossier.points(item.provinceTotal)
        passes = item.passes
        // The page: "–" without a dossier, "Đủ" when nothing required is missing.
        missingDocuments = item.state == nil ? nil : item.missingDocuments
        recognised = item.recognised
        // The page shows a decision's number and date only once the decision is recorded.
        let decided = item.recognised != nil
        decisionNumber = decided ? item.decisionNumber : nil
        decisionDate = decided ? item.decisionDate?.iso : nil
    }

    /// The page's order: the district committees first, then the communes by district and code.
    var listPosition: APIListPosition {
        APIListPosition(
            .ascending(level == Level.district.rawValue ? 0 : 1), .ascendingText(district ?? ""),
            .ascendingText(code))
    }
}
