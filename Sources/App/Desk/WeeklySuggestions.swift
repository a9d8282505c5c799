import HTTP
import Store
import Survey
import Web

/// The week the weekly suggestion summary reads and the rows and topics of the caller's scope, read once for the
/// page (`/admin/suggestions/weekly`) and the API (`/api/v1/suggestions/weekly…`), so a figure, a scope rule or a
/// refusal cannot differ between them. A commune reads its own box, a district its desk and its communes, the
/// province all of them or one district's (`?district=`); an unknown district is a 404, another's a 403.
struct WeeklySuggestions: Sendable {
    /// The week's Monday.
    let weekStart: LocalDate
    /// `?district=` as given (nil when missing or empty).
    let districtCode: String?
    /// The chosen district's name, or the caller's own unit's.
    let placeName: String
    let rows: [SuggestionWeek]
    let topics: [SuggestionTopicCount]

    var weekEnd: LocalDate { weekStart.adding(days: 6) }

    /// The Monday of the week that contains `day` (1970-01-01 was a Thursday).
    static func monday(of day: LocalDate) -> LocalDate {
        day.adding(days: -(((day.daysSinceEpoch + 3) % 7 + 7) % 7))
    }

    /// The Monday of `?week=` (any day of the week), this week's when missing or empty; 400 for anything else,
    /// and for the calendar's last week, whose Sunday falls in the year 10000 (01/01/0001 was a Monday).
    static func weekStart(_ request: Request, today: LocalDate) throws -> LocalDate {
        guard let value = try request.query("week"), !value.isEmpty else { return monday(of: today) }
        guard let day = LocalDate(iso: value), monday(of: day).adding(days: 6).year <= 9999
        else {
            throw HTTPError(
                .badRequest, message: "Ngày “\(value)” không hợp lệ; dùng dạng NNNN-TT-NN (ví dụ 2024-06-12).")
        }
        return monday(of: day)
    }

    /// Reads the request's week in the caller's scope; `rows` or `topics` false leaves that list empty (an API
    /// endpoint reads one of them).
    static func load(
        _ request: Request, user: AuthenticatedUser, environment: AppEnvironment, rows readRows: Bool = true,
        topics readTopics: Bool = true
    ) async throws -> WeeklySuggestions {
        let weekStart = try weekStart(request, today: environment.clock.today)
        let districtCode = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        return try await environment.database.read { connection in
            let units = UnitStore(connection)
            guard let own = try units.unit(id: user.unitID) else {
                throw HTTPError(.forbidden, message: "Không tìm thấy đơn vị của tài khoản.")
            }
            var district: UnitRecord? = user.role == .district ? own : nil
            if let districtCode {
                guard let found = try units.unit(code: districtCode, inSet: own.unitSetID), found.level == "district"
                else {
                    throw HTTPError(.notFound, message: "Không có huyện mã “\(districtCode)”.")
                }
                guard user.role == .province || (user.role == .district && found.id == own.id) else {
                    throw HTTPError(
                        .forbidden, message: "Huyện mã “\(districtCode)” ngoài phạm vi quản lý của tài khoản.")
                }
                district = found
            }
            let desk = SuggestionDesk(connection)
            let unitID = user.role == .commune ? own.id : nil
            return WeeklySuggestions(
                weekStart: weekStart, districtCode: districtCode, placeName: district?.name ?? own.name,
                rows: readRows
                    ? try desk.weeklySummary(
                        unitSetID: own.unitSetID, districtID: district?.id, unitID: unitID, weekStart: weekStart) : [],
                topics: readTopics
                    ? try desk.weeklyTopics(
                        unitSetID: own.unitSetID, districtID: district?.id, unitID: unitID, weekStart: weekStart) : [])
        }
    }
}
