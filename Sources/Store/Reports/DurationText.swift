/// Durations as a person says them: "2 giờ 5 phút", "4 phút 30 giây", "1 giây".
package enum DurationText {
    package static func vietnamese(seconds total: Int) -> String {
        let total = max(0, total)
        let hours = total / 3600
        let minutes = total / 60 % 60
        let seconds = total % 60
        if hours > 0 { return minutes > 0 ? "\(hours) giờ \(minutes) phút" : "\(hours) giờ" }
        if minutes > 0 { return seconds > 0 ? "\(minutes) phút \(seconds) giây" : "\(minutes) phút" }
        return "\(seconds) giây"
    }
}
