import Database
import Survey

/// Which campaigns belong to a year. A campaign belongs to every year its days touch (published ones only: a draft
/// collects nothing); one spanning two years counts in each for the days that fall there. Answers and reports are
/// dated, so each year counts its own days; satisfaction comes from option counters, which are per campaign and
/// not dated, so a spanning campaign lends its satisfied share to each year in proportion to its answers dated
/// in that year (`SatisfactionIndex.FormResult.pooling`).
public enum YearCampaigns {
    /// The years a page or the API may ask for: from 2000 to next year (campaigns are planned ahead).
    public static func isAllowed(_ year: Int, today: LocalDate) -> Bool {
        year >= 2000 && year <= today.year + 1
    }

    public static func firstDay(of year: Int) -> LocalDate { LocalDate(year: year, month: 1, day: 1)! }
    public static func lastDay(of year: Int) -> LocalDate { LocalDate(year: year, month: 12, day: 31)! }

    /// Whether the campaign's days all fall in the year (its `unit_totals` are then the year's figures).
    public static func isWithin(_ campaign: CampaignRecord, year: Int) -> Bool {
        campaign.schedule.startsOn.year == year && campaign.schedule.endsOn.year == year
    }

    /// The campaign's days in the year, through `today` (a day still to come has nothing to count yet).
    public static func days(of campaign: CampaignRecord, year: Int, through today: LocalDate) -> [LocalDate] {
        let last = min(campaign.schedule.endsOn, lastDay(of: year), today)
        return campaign.schedule.days.filter { $0.year == year && $0 <= last }
    }

    /// Published campaigns touching the year, by first day then id.
    package static func all(_ connection: Connection, year: Int) throws -> [CampaignRecord] {
        try connection.query(
            """
            \(CampaignStore.columns)
            WHERE c.state <> 'draft' AND c.starts_on <= ? AND c.ends_on >= ?
            ORDER BY c.starts_on, c.id
            """, [lastDay(of: year).iso, firstDay(of: year).iso]
        ).map(CampaignStore.record)
    }

    /// Published campaigns touching the year that cover a unit with this code (in whichever unit set), each with
    /// the id of that unit in the campaign's set.
    package static func covering(_ connection: Connection, code: String, year: Int) throws
        -> [(campaign: CampaignRecord, unitID: Int64)]
    {
        let rows = try connection.query(
            """
            SELECT c.id AS id, cu.unit_id AS unit_id FROM campaigns c
            JOIN campaign_units cu ON cu.campaign_id = c.id JOIN units u ON u.id = cu.unit_id
            WHERE u.code = ? AND c.state <> 'draft' AND c.starts_on <= ? AND c.ends_on >= ?
            ORDER BY c.starts_on, c.id
            """, [code, lastDay(of: year).iso, firstDay(of: year).iso])
        let store = CampaignStore(connection)
        return try rows.compactMap { row in
            try store.campaign(id: try row.int64("id")).map { (campaign: $0, unitID: try row.int64("unit_id")) }
        }
    }
}
