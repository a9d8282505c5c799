import HTTP
import Store
import Web

/// The suggestion desk's figures (the weekly summary and the desk list's overview) as lists, read through the
/// pages' own loaders (`WeeklySuggestions`, `DeskFilter` with `DeskQueries`) so the numbers, the scope and the
/// refusals are the pages'. The suggestions themselves (texts, senders) are not in the API.
extension APIRoutes {
    /// `GET /api/v1/suggestions/weekly?week=YYYY-MM-DD[&district=CODE]`: one row per box of the week.
    func weeklySuggestions(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let week = try await WeeklySuggestions.load(request, user: user, environment: environment, topics: false)
        return try APIList(request, environment, filters: ["week", "district"]).json(
            week.rows.map { APIWeeklySuggestion($0, week: week) }, position: \.listPosition)
    }

    /// `GET /api/v1/suggestions/weekly/topics?week=YYYY-MM-DD[&district=CODE]`: the week by classification.
    func weeklySuggestionTopics(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let week = try await WeeklySuggestions.load(request, user: user, environment: environment, rows: false)
        return try APIList(request, environment, filters: ["week", "district"]).json(
            week.topics.map(APIWeeklyTopic.init), position: \.listPosition)
    }

    /// `GET /api/v1/suggestions/counts?year=YYYY&round=1-4`: the desk list's overview (district and province; a
    /// commune's list page shows its suggestions' texts instead, which the API does not give).
    func suggestionCounts(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let filter = try DeskFilter(request, today: environment.clock.today)
        let counts = try await environment.database.read { connection in
            let desk = DeskQueries(connection)
            let units = try desk.units(in: try UnitScope(user: user, connection: connection))
            return try desk.counts(units: units, year: filter.year, round: filter.round)
        }
        return try APIList(request, environment, filters: ["year", "round"]).json(
            counts.map { APISuggestionCount($0, year: filter.year, round: filter.round) }, position: \.listPosition)
    }
}
