/// How well the flags match the truth: recall per stuffing pattern (its answers flagged for any reason) and the
/// share of honest answers flagged, per reason and overall.
package struct SimulationScore: Sendable {
    /// Stored submission id → the pattern that produced it (nil: honest).
    package let labels: [String: StuffingPattern?]
    /// Stored submission id → the reasons it was flagged for (absent: not flagged).
    package var flags: [String: Set<String>] = [:]

    package init(labels: [String: StuffingPattern?]) {
        self.labels = labels
    }

    package struct Line: Sendable, Equatable {
        package let name: String
        package let answers: Int
        package let flagged: Int
        package var share: Double { answers == 0 ? 0 : Double(flagged) / Double(answers) }
    }

    package var honestCount: Int { labels.values.filter { $0 == nil }.count }
    package var stuffedCount: Int { labels.count - honestCount }

    /// Recall of each pattern, in the order of `StuffingPattern.allCases`.
    package var recall: [Line] {
        StuffingPattern.allCases.map { pattern in
            let ids = labels.filter { $0.value == pattern }.keys
            return Line(name: pattern.rawValue, answers: ids.count, flagged: ids.filter { flags[$0] != nil }.count)
        }
    }

    package var overallRecall: Line {
        let ids = labels.filter { $0.value != nil }.keys
        return Line(name: "all", answers: ids.count, flagged: ids.filter { flags[$0] != nil }.count)
    }

    package var falseFlags: Line {
        let ids = labels.filter { $0.value == nil }.keys
        return Line(name: "honest", answers: ids.count, flagged: ids.filter { flags[$0] != nil }.count)
    }

    /// Honest answers flagged for each reason (an answer may count under several).
    package var falseFlagsByReason: [(reason: String, flagged: Int)] {
        var counts: [String: Int] = [:]
        for (id, label) in labels where label == nil {
            for reason in flags[id] ?? [] { counts[reason, default: 0] += 1 }
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Stuffed answers of each pattern flagged for each reason: which signal catches which pattern.
    package func reasons(of pattern: StuffingPattern) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (id, label) in labels where label == pattern {
            for reason in flags[id] ?? [] { counts[reason, default: 0] += 1 }
        }
        return counts
    }

    /// The table BENCHMARKS.md carries.
    package func markdown() -> String {
        func percent(_ share: Double) -> String {
            let tenths = Int((share * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        var lines = [
            "| pattern | answers | flagged | recall | caught by |",
            "|---|---:|---:|---:|---|",
        ]
        for (pattern, line) in zip(StuffingPattern.allCases, recall) {
            let caughtBy = reasons(of: pattern).sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
            lines.append(
                "| \(line.name) | \(line.answers) | \(line.flagged) | \(percent(line.share)) | "
                    + "\(caughtBy.joined(separator: ", ")) |")
        }
        let overall = overallRecall
        lines.append("| **all stuffing** | \(overall.answers) | \(overall.flagged) | **\(percent(overall.share))** | |")
        let honest = falseFlags
        let byReason = falseFlagsByReason.map { "\($0.reason) \($0.flagged)" }.joined(separator: ", ")
        lines.append(
            "| **honest (false flags)** | \(honest.answers) | \(honest.flagged) | **\(percent(honest.share))** | "
                + "\(byReason) |")
        return lines.joined(separator: "\n")
    }
}
