import Survey

/// The figures of a set of units added up, for the print page's subtotal and total rows: counts are sums, quota
/// statuses are counted, and satisfaction is pooled over the units' option counts (each question's positive
/// answers over its valid answers across the units, then the mean over questions, the rule of one unit and of the
/// dashboards' district and province figures), never an average of the units' shares, which would weigh a commune
/// of 3 answers like one of 300.
package struct UnitTotal: Sendable, Hashable {
    package let units: Int
    package let answers: Int
    package let answersToday: Int
    package let visitors: Int
    package let reportsOnTime: Int
    package let lateReports: Int
    /// Every status present, zero where no unit has it.
    package let statusCounts: [QuotaStatus: Int]
    package let satisfiedShare: Double?

    /// `tallies` are the units' satisfaction tallies by unit id (`CampaignFigures.tallies`); `emptyTally` the
    /// form's empty one, nil for a form without evaluative questions.
    package init(_ units: [CommuneSummary], tallies: [Int64: SatisfactionTally], emptyTally: SatisfactionTally?) {
        var answers = 0
        var answersToday = 0
        var visitors = 0
        var onTime = 0
        var late = 0
        var counts = Dictionary(uniqueKeysWithValues: QuotaStatus.allCases.map { ($0, 0) })
        var pooled = emptyTally
        for unit in units {
            answers += unit.answers
            answersToday += unit.answersToday
            visitors += unit.visitors
            onTime += unit.reportsOnTime
            late += unit.lateReports
            counts[unit.quotaStatus, default: 0] += 1
            if let tally = tallies[unit.unitID] { pooled?.add(tally) }
        }
        self.units = units.count
        self.answers = answers
        self.answersToday = answersToday
        self.visitors = visitors
        reportsOnTime = onTime
        lateReports = late
        statusCounts = counts
        satisfiedShare = pooled?.overall
    }

    /// The counts of the statuses some unit has, in the order of `QuotaStatus.allCases`: "thiếu 1 · đạt 3".
    package var statusText: String {
        QuotaStatus.allCases.compactMap { status in
            let count = statusCounts[status] ?? 0
            return count == 0 ? nil : "\(status.label) \(Format.count(count))"
        }.joined(separator: " · ")
    }
}
