import Store

/// One row of `GET /api/v1/suggestions/weekly`: a suggestion box (a commune's, or a district's own desk) over one
/// week, the weekly summary page's row (`SuggestionWeek`, the same definitions). `district` is the desk's own code
/// for a district, the district of a commune, `null` for a commune directly under the province; `week_start` and
/// `week_end` the Monday and the Sunday.
struct APIWeeklySuggestion: Encodable, Sendable {
    let code: String
    let name: String
    let level: String
    @Nullable var district: String?
    let weekStart: String
    let weekEnd: String
    let received: Int
    let answered: Int
    let resolved: Int
    let waiting: Int
    let overdue: Int
    /// The page's order: grouped by district (the desk before its communes), then by code.
    let listPosition: APIListPosition

    init(_ row: SuggestionWeek, week: WeeklySuggestions) {
        code = row.code
        name = row.name
        level = row.level
        district = row.districtCode
        weekStart = week.weekStart.iso
        weekEnd = week.weekEnd.iso
        received = row.received
        answered = row.answered
        resolved = row.resolved
        waiting = row.waiting
        overdue = row.overdue
        listPosition = APIListPosition(
            .ascendingText(row.groupCode), .ascending(row.level == "commune" ? 1 : 0), .ascendingText(row.code))
    }

    /// The keys written: every property but `listPosition` (`APIJSON` snake-cases them).
    enum CodingKeys: CodingKey {
        case code, name, level, district, weekStart, weekEnd, received, answered, resolved, waiting, overdue
    }
}
