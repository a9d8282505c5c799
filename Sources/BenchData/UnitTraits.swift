/// How one unit behaves in the benchmark data: how busy its desk is, how well people are served, how diligently
/// its team reports. Drawn once per unit so its figures are consistent across days and campaigns.
struct UnitTraits {
    /// Relative number of answers (0.3 quiet … 2.5 busy).
    let activity: Double
    /// Share of good experiences (0.55 … 0.97).
    let quality: Double
    /// Visitors per answer (1.0 … 3.5): with the quota rule, some units fall short, some meet it, some exceed it.
    let visitorsPerAnswer: Double
    /// Probability of filing a report on a given day, and of filing it inside the window.
    let reportRate: Double
    let onTimeRate: Double

    init(random: inout BenchRandom) {
        activity = 0.3 + random.unit() * 2.2
        quality = 0.55 + random.unit() * 0.42
        visitorsPerAnswer = 1.0 + random.unit() * 2.5
        reportRate = 0.75 + random.unit() * 0.25
        onTimeRate = 0.6 + random.unit() * 0.4
    }
}
