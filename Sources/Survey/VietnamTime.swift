/// Asia/Ho_Chi_Minh is UTC+7 all year: Vietnam has kept no daylight saving time since 1975, so a fixed offset is
/// exact for every date the programme can meet, and keeps the rules free of the system's time-zone database.
public enum VietnamTime {
    public static let offsetSeconds: Int64 = 7 * 3600

    /// The local day of an instant given in Unix seconds (UTC).
    public static func localDate(at instant: Int64) -> LocalDate {
        LocalDate(daysSinceEpoch: Int(floorDivide(instant + offsetSeconds, 86_400)))
    }

    /// Seconds since local midnight, 0..<86_400.
    public static func secondOfDay(at instant: Int64) -> Int {
        Int(instant + offsetSeconds - floorDivide(instant + offsetSeconds, 86_400) * 86_400)
    }

    /// The instant of local midnight starting `date`.
    public static func startOfDay(_ date: LocalDate) -> Int64 {
        Int64(date.daysSinceEpoch) * 86_400 - offsetSeconds
    }

    /// The instant of a local wall-clock time on a date.
    public static func instant(_ date: LocalDate, hour: Int, minute: Int, second: Int = 0) -> Int64 {
        startOfDay(date) + Int64(hour * 3600 + minute * 60 + second)
    }

    /// "2026-12-02T16:45:03+07:00": an instant as Hanoi's wall clock with its offset (RFC 3339), as the API
    /// writes times.
    public static func timestampText(at instant: Int64) -> String {
        "\(localDate(at: instant).iso)T\(clockText(at: instant))+07:00"
    }

    /// "16:45:03" for an instant.
    public static func clockText(at instant: Int64) -> String {
        let second = secondOfDay(at: instant)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))"
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
