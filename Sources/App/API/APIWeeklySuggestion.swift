import Store

/// One row of `GET /api/v1/suggestions/weekly`: a suggestion box (a commune's, or a district's own desk) over one
/// week, the weekly summary page's row (`SuggestionWeek`, the same definitions). `district` is the desk's own code
/// for a district, the district of a commune, `null` for a commune directly under the province; `week_start` and
/// `week_end` the Monday and the Sunday.
struct APIWeeklySuggestion: Encodable, Sendable {
    let code: String
    let name: String
    let level: String
    let district: String?
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

    enum CodingKeys: String, CodingKey {
        case code, name, level, district, received, answered, resolved, waiting, overdue
        case weekStart = "week_start"
        case weekEnd = "week_end"
    }

    // Explicit, so that a missing district is written as null rather than left out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(level, forKey: .level)
        try container.encode(district, forKey: .district)
        try container.encode(weekStart, forKey: .weekStart)
        try container.encode(weekEnd, forKey: .weekEnd)
        try container.encode(received, forKey: .received)
        try container.encode(answered, forKey: .answered)
        try container.encode(resolved, forKey: .resolved)
        try container.encode(waiting, forKey: .waiting)
        try container.encode(overdue, forKey: .overdue)
    }
}
