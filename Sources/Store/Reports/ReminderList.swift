import Survey

/// Units that have not filed today's report: for a district officer to call or message.
public struct ReminderList: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let name: String
    }

    public let date: LocalDate
    public let entries: [Entry]

    /// One name per line, ready to paste into a message: "Chưa báo cáo ngày 12/06/2024 (3 đơn vị):" then names.
    public var text: String {
        guard !entries.isEmpty else { return "Tất cả đơn vị đã báo cáo ngày \(date.vietnamese)." }
        return (["Chưa báo cáo ngày \(date.vietnamese) (\(entries.count) đơn vị):"] + entries.map(\.name))
            .joined(separator: "\n")
    }
}
