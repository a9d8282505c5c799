import HTTP
import Store
import Survey
import Web

/// The desk list's choices from the query string: the unit (its code), the round (year and Đợt 1–4), the status
/// and the search text. Missing values default to the current round; bad values are a 400 with a Vietnamese
/// message.
struct DeskFilter: Sendable, Hashable {
    var unitCode: String?
    var year: Int
    var round: Int
    var status: SuggestionStatus?
    var search: String?

    init(_ request: Request, today: LocalDate) throws {
        let query = try request.queryItems()
        func text(_ name: String) -> String? {
            guard let value = query[name].map(SearchText.clean), !value.isEmpty else { return nil }
            return value
        }
        unitCode = text("unit")
        // Year and round as digits only, so "+2024" or " 1" is refused rather than read (the API documents them so).
        func raw(_ name: String) -> String? {
            guard let value = query[name], !value.isEmpty else { return nil }
            return value
        }
        func number(_ value: String) -> Int? {
            value.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ? Int(value) : nil
        }
        year = today.year
        if let value = raw("year") {
            guard let number = number(value), (2000...9999).contains(number) else {
                throw HTTPError(.badRequest, message: "Năm “\(value)” không hợp lệ.")
            }
            year = number
        }
        round = today.quarter
        if let value = raw("round") {
            guard let number = number(value), (1...4).contains(number) else {
                throw HTTPError(.badRequest, message: "Đợt “\(value)” không hợp lệ; chọn từ Đợt 1 đến Đợt 4.")
            }
            round = number
        }
        if let value = text("status") {
            guard let known = SuggestionStatus(rawValue: value) else {
                throw HTTPError(.badRequest, message: "Trạng thái “\(value)” không hợp lệ.")
            }
            status = known
        }
        if let value = text("q") {
            guard value.count <= DeskQueries.maxSearchLength else {
                throw HTTPError(.badRequest, message: "Từ khóa tìm kiếm dài quá \(DeskQueries.maxSearchLength) ký tự.")
            }
            search = value
        }
    }

    /// The list's address with these choices and another unit.
    func link(unitCode: String?) -> String {
        var items: [(String, String)] = []
        if let unitCode { items.append(("unit", unitCode)) }
        items.append(("year", String(year)))
        items.append(("round", String(round)))
        if let status { items.append(("status", status.rawValue)) }
        if let search { items.append(("q", search)) }
        return SiteRoute.suggestions.path + "?"
            + items.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
            .joined(separator: "&")
    }
}
