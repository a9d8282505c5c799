import HTML
import Store

/// The links other pages print to a commune's year, kept here so each of those pages adds one line.
enum YearLinks {
    /// From a unit's page in a campaign: the year of the campaign's first day; nothing for a district's desk
    /// (the year page is a commune's).
    static func communeYear(_ unit: CommuneSummary, in campaign: CampaignRecord) -> [HTML] {
        guard unit.level == "commune" else { return [] }
        let year = campaign.schedule.startsOn.year
        let path = SiteRoute.communeYear(year: year, unit: unit.code).path
        return ["<a href=\"\(path)\">Cả năm \(String(year)) của xã</a>"]
    }
}
