import Database

/// How long personal traces are kept, set by the province (`qcdc retention set`), stored in `settings`. The
/// privacy page states the same numbers, read from here.
public struct RetentionSettings: Sendable, Hashable {
    /// A suggestion's sender name and phone (given only with consent) are removed this many months after the reply
    /// or, without a reply, after the suggestion was resolved.
    public var contactMonths: Int
    /// The keyed hashes of an answer's network and device (kept only to spot stuffing) are removed this many days
    /// after the campaign's last day.
    public var networkDaysAfterClose: Int

    public static let standard = RetentionSettings(contactMonths: 6, networkDaysAfterClose: 30)
    public static let contactMonthsRange = 1...60
    public static let networkDaysRange = 0...365

    public init(contactMonths: Int, networkDaysAfterClose: Int) {
        self.contactMonths = contactMonths
        self.networkDaysAfterClose = networkDaysAfterClose
    }

    static let contactKey = "retention_contact_months"
    static let networkKey = "retention_network_days_after_close"

    /// A missing or unreadable value is the standard one.
    public static func load(_ connection: Connection) throws -> RetentionSettings {
        func value(_ key: String, _ range: ClosedRange<Int>, _ fallback: Int) throws -> Int {
            guard let text: String = try connection.scalar("SELECT value FROM settings WHERE key = ?", [key]),
                let number = Int(text), range.contains(number)
            else { return fallback }
            return number
        }
        return RetentionSettings(
            contactMonths: try value(contactKey, contactMonthsRange, standard.contactMonths),
            networkDaysAfterClose: try value(networkKey, networkDaysRange, standard.networkDaysAfterClose))
    }

    public func save(_ connection: Connection, now: Int64) throws {
        guard Self.contactMonthsRange.contains(contactMonths) else {
            throw RetentionError("Số tháng giữ thông tin liên hệ phải từ 1 đến 60.")
        }
        guard Self.networkDaysRange.contains(networkDaysAfterClose) else {
            throw RetentionError("Số ngày giữ dấu vết mạng sau khi đợt kết thúc phải từ 0 đến 365.")
        }
        for (key, value) in [(Self.contactKey, contactMonths), (Self.networkKey, networkDaysAfterClose)] {
            try connection.run(
                """
                INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, [key, String(value), now])
        }
    }
}

public struct RetentionError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
