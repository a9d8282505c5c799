import Database
import Survey

/// Reads `TodayBoard`: one statement over the open campaigns covering today, their units in the scope and
/// today's reports (`campaign_units` by campaign, `unit_daily_reports` by its unique key), grouped per unit here.
public struct TodayBoardStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Which units the board covers.
    public enum Scope: Sendable, Hashable {
        case province
        /// A district by unit id: its communes and its own desk.
        case district(Int64)
        case unit(Int64)

        public init(user: AuthenticatedUser) {
            self =
                switch user.role {
                case .province: .province
                case .district: .district(user.unitID)
                case .commune: .unit(user.unitID)
                }
        }

        /// The dashboards' own rule for these scopes (`CampaignFigures.Scope`), so both boards agree.
        var figures: CampaignFigures.Scope {
            switch self {
            case .province: .campaign
            case .district(let id): .district(id)
            case .unit(let id): .unit(id)
            }
        }
    }

    /// The board of `scope` at `now` (its local day is "today"). Draft and closed campaigns, and campaigns whose
    /// dates do not cover today, count nothing.
    public func board(scope: Scope, now: Int64) throws -> TodayBoard {
        let today = VietnamTime.localDate(at: now)
        let filter = scope.figures
        var arguments: [String: any DatabaseValueConvertible] = ["today": today.iso]
        if let id = filter.id { arguments["scope"] = id }
        let rows = try connection.query(
            """
            SELECT u.id AS unit_id, u.code AS code, u.name AS name, u.level AS level,
                   p.code AS parent_code, p.name AS parent_name, p.level AS parent_level,
                   cu.campaign_id AS campaign_id,
                   r.on_time AS on_time, r.version AS version, r.submitted_at AS submitted_at
            FROM campaigns c
            JOIN campaign_units cu ON cu.campaign_id = c.id
            JOIN units u ON u.id = cu.unit_id
            LEFT JOIN units p ON p.id = u.parent_id
            LEFT JOIN unit_daily_reports r ON r.unit_id = u.id AND r.local_date = :today
            WHERE c.state = 'open' AND c.starts_on <= :today AND c.ends_on >= :today \(filter.filter("u.id"))
            ORDER BY u.level = 'commune', u.code, c.id
            """, named: arguments)
        var campaigns: [Int64: ReportingCampaign] = [:]
        var order: [Int64] = []
        var byUnit: [Int64: (first: Row, campaignIDs: [Int64])] = [:]
        for row in rows {
            let unitID = try row.int64("unit_id")
            let campaignID = try row.int64("campaign_id")
            if campaigns[campaignID] == nil {
                guard let campaign = try ReportingCampaign.load(connection, campaignID: campaignID) else { continue }
                campaigns[campaignID] = campaign
            }
            if byUnit[unitID] == nil {
                order.append(unitID)
                byUnit[unitID] = (row, [])
            }
            byUnit[unitID]?.campaignIDs.append(campaignID)
        }
        let boardRows = try order.compactMap { unitID -> TodayBoard.Row? in
            guard let (row, ids) = byUnit[unitID] else { return nil }
            let covering = ids.compactMap { campaigns[$0] }
            let window = ReportingCampaign.window(of: covering)
            var filing: TodayBoard.Filing?
            if let version = try row.optionalInt("version"), let at = try row.optionalInt64("submitted_at") {
                filing = TodayBoard.Filing(
                    submittedAt: at, version: version, onTime: (try row.optionalInt("on_time") ?? 0) != 0)
            }
            let level = try row.string("level")
            var district: (code: String, name: String)?
            if level == "district" {
                district = (try row.string("code"), try row.string("name"))
            } else if try row.optionalString("parent_level") == "district",
                let code = try row.optionalString("parent_code"), let name = try row.optionalString("parent_name")
            {
                district = (code, name)
            }
            return TodayBoard.Row(
                unitID: unitID, code: try row.string("code"), name: try row.string("name"), level: level,
                districtCode: district?.code, districtName: district?.name, campaigns: covering.map(\.record),
                window: window, filing: filing, status: TodayBoard.status(filing: filing, window: window, now: now))
        }
        let all = campaigns.keys.sorted().compactMap { campaigns[$0] }
        return TodayBoard(
            date: today, now: now, rows: boardRows, campaigns: all.map(\.record),
            window: ReportingCampaign.window(of: all))
    }
}
