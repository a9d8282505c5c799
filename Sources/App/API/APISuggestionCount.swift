import Store

/// One line of `GET /api/v1/suggestions/counts`: a box in the caller's scope that received suggestions in the
/// round, with how many of them are new, in progress and resolved now (`DeskUnitCount`, the desk list's overview
/// table). Only counts: the suggestions' texts and senders stay on the console.
struct APISuggestionCount: Encodable, Sendable {
    let code: String
    let name: String
    let level: String
    let year: Int
    let round: Int
    let new: Int
    let inProgress: Int
    let resolved: Int

    /// The overview's order (`DeskQueries.units`): district desks first, then communes, each by code.
    var listPosition: APIListPosition { APIListPosition(.ascending(level == "commune" ? 1 : 0), .ascendingText(code)) }

    init(_ count: DeskUnitCount, year: Int, round: Int) {
        code = count.unit.code
        name = count.unit.name
        level = count.unit.level
        self.year = year
        self.round = round
        new = count.new
        inProgress = count.inProgress
        resolved = count.resolved
    }
}
