import HTML
import Store
import Survey

/// A district's board of today (also what the province sees of one district): the counts, the window, every
/// unit of its scope that an open campaign covering today includes, whom to remind, and the late entries open.
struct TodayDistrictPage {
    let board: TodayBoard
    let user: AuthenticatedUser
    let placeName: String
    let listings: [LateEntryListing]
    /// The province looking at one district: a way back to the whole province.
    let provinceView: Bool

    func render() -> HTML {
        let back: HTML =
            provinceView ? "<p><a href=\"\(SiteRoute.today.path)\">← Cả tỉnh</a></p>" : .empty
        let content: HTML =
            board.rows.isEmpty
            ? TodaySections.nothingOpen
            : """
            \(TodaySections.window(board))
            \(TodaySections.counts(board))
            \(TodaySections.unitTable(board))
            \(TodaySections.reminders(board))
            \(TodaySections.campaigns(board.campaigns))
            """
        return """
            \(TodaySections.heading(board))
            <p class="lead">\(placeName)</p>
            \(back)
            \(content)
            \(TodaySections.lateEntries(listings))
            \(TodaySections.menu(user))
            """
    }
}
