import Survey

/// How the API writes an instant: Hà Nội wall-clock time with its offset ("2024-06-12T16:45:00+07:00"), as
/// `filed_at` is written everywhere, so a client never guesses the zone.
enum APIInstant {
    static func hanoi(_ seconds: Int64) -> String {
        "\(VietnamTime.localDate(at: seconds).iso)T\(VietnamTime.clockText(at: seconds))+07:00"
    }
}
