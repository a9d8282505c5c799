import Database
import Survey
import Synchronization

/// Counter sums of campaign-wide reads (province dashboard, API, exports) kept between requests, and re-read only
/// where answers arrived since. At national scale a campaign has ~100,000 option counters and ~100,000 day
/// counters; turning them into rows costs more than the rest of the dashboard, while between two loads only the
/// units that received answers, and only today's column of the chart, have changed.
///
/// Freshness is exact, not time-bounded, under the rule the write path keeps today: answers are only ever added,
/// and a unit's option counters change only in the transaction that adds its answer to `daily_answer_counts`
/// (`ResponseStore.store`), which moves the unit's `unit_totals.answers` (migration 0009's triggers).
/// - Option counters: each unit's are stored with the unit's answer total they were read with. A request reuses
///   them only when its own snapshot shows the same total, and otherwise reads the unit's counters again in the
///   same read transaction.
/// - Answers per day: the stored days are reused only when, with today's sum read afresh, they add up to the
///   campaign's answer total of the request's snapshot; counters never go down, so no other day can have moved.
/// One writer does break it on purpose: confirming a flagged answer takes its counters down (`FlagStore.review`),
/// so the route that does it calls `forget(campaignID:)` right after.
/// Should another writer break that rule, the damage is bounded: every `maxAge` (5 minutes) the whole campaign's
/// option counters are scanned again.
public final class CounterCache: Sendable {
    package struct UnitCounters: Sendable {
        /// The unit's answer total when its counters were read.
        package let answers: Int
        package let tally: SatisfactionTally
        /// Answers per option, in `SatisfactionLayout.optionIDs` order.
        package let options: [Int]
    }

    package struct Entry: Sendable {
        package let formVersionID: Int64
        package let units: [Int64: UnitCounters]
        package let scannedAt: ContinuousClock.Instant
        /// Derived from `units`, kept so that a load with no new answer anywhere does no work per unit.
        package let tallies: [Int64: SatisfactionTally]
        package let optionTotals: [Int64: Int]
    }

    /// What a request had to read: the whole campaign, some units, or nothing.
    package enum Refresh: Sendable, Hashable {
        case scan
        case units(Int)
    }

    package let maxAge: Duration
    private let entries = Mutex<[Int64: Entry]>([:])
    /// campaign id → answers per day (ISO date → answers), every day with a counter.
    private let days = Mutex<[Int64: [String: Int]]>([:])

    public init(maxAge: Duration = .seconds(300)) {
        self.maxAge = maxAge
    }

    /// Tallies and per-option totals of `units` (id → answer total, from the caller's read transaction).
    package func counters(
        _ connection: Connection, campaignID: Int64, formVersionID: Int64, layout: SatisfactionLayout,
        units: [(id: Int64, answers: Int)]
    ) throws
        -> (tallies: [Int64: SatisfactionTally], optionTotals: [Int64: Int], refresh: Refresh)
    {
        let now = ContinuousClock.now
        let known = entries.withLock { $0[campaignID] }.flatMap { entry in
            entry.formVersionID == formVersionID && now - entry.scannedAt < maxAge ? entry : nil
        }
        var kept: [Int64: UnitCounters] = [:]
        kept.reserveCapacity(units.count)
        var changed: [(id: Int64, answers: Int)] = []
        for unit in units {
            if let cached = known?.units[unit.id], cached.answers == unit.answers {
                kept[unit.id] = cached
            } else {
                changed.append(unit)
            }
        }
        if let known, changed.isEmpty, known.units.count == units.count {
            return (known.tallies, known.optionTotals, .units(0))
        }
        // One scan of the campaign's counters beats a query per unit once many units changed.
        let refresh: Refresh = known == nil || changed.count > max(64, units.count / 8) ? .scan : .units(changed.count)
        switch refresh {
        case .scan:
            kept = try Self.scan(connection, campaignID: campaignID, layout: layout, units: units)
        case .units:
            for unit in changed {
                kept[unit.id] = try Self.read(connection, campaignID: campaignID, unit: unit, layout: layout)
            }
        }
        var tallies: [Int64: SatisfactionTally] = [:]
        tallies.reserveCapacity(kept.count)
        var totals = Array(repeating: 0, count: layout.optionIDs.count)
        for (unitID, counters) in kept {
            tallies[unitID] = counters.tally
            for index in counters.options.indices { totals[index] += counters.options[index] }
        }
        var optionTotals: [Int64: Int] = [:]
        for (index, optionID) in layout.optionIDs.enumerated() where totals[index] != 0 {
            optionTotals[optionID] = totals[index]
        }
        let entry = Entry(
            formVersionID: formVersionID, units: kept,
            scannedAt: refresh == .scan ? now : known?.scannedAt ?? now,
            tallies: tallies, optionTotals: optionTotals)
        entries.withLock { $0[campaignID] = entry }
        return (tallies, optionTotals, refresh)
    }

    /// Answers per day of the whole campaign. `total` is the campaign's answer total in the caller's snapshot
    /// (the sum of its units' `unit_totals.answers`): when the stored days, with `today` read again, add up to it,
    /// only today's sum is read (`SEARCH ... COVERING INDEX daily_answer_counts_by_day (campaign_id=? AND
    /// local_date=?)`, a few thousand index entries); otherwise every day is summed again.
    package func answersPerDay(
        _ connection: Connection, campaignID: Int64, today: LocalDate,
        total: Int
    ) throws -> (byDay: [String: Int], refresh: Refresh) {
        if var known = days.withLock({ $0[campaignID] }) {
            let todayAnswers = try connection.scalar(Self.oneDaySQL, [campaignID, today.iso], as: Int.self) ?? 0
            known[today.iso] = todayAnswers == 0 ? nil : todayAnswers
            if known.values.reduce(0, +) == total {
                days.withLock { $0[campaignID] = known }
                return (known, .units(1))
            }
        }
        var byDay: [String: Int] = [:]
        for row in try connection.query(
            """
            SELECT local_date, sum(answers) AS answers FROM daily_answer_counts WHERE campaign_id = ?
            GROUP BY local_date
            """, [campaignID])
        {
            byDay[try row.string("local_date")] = try row.int("answers")
        }
        days.withLock { $0[campaignID] = byDay }
        return (byDay, .scan)
    }

    package static let oneDaySQL = """
        SELECT coalesce(sum(answers), 0) FROM daily_answer_counts WHERE campaign_id = ? AND local_date = ?
        """

    /// Forgets a campaign (or everything): the next read scans.
    package func forget(campaignID: Int64? = nil) {
        entries.withLock { entries in
            if let campaignID { entries[campaignID] = nil } else { entries.removeAll() }
        }
        days.withLock { days in
            if let campaignID { days[campaignID] = nil } else { days.removeAll() }
        }
    }

    /// Every counter of the campaign in key order: `SEARCH c USING PRIMARY KEY (campaign_id=?)`.
    package static func scan(
        _ connection: Connection, campaignID: Int64, layout: SatisfactionLayout,
        units: [(id: Int64, answers: Int)]
    ) throws -> [Int64: UnitCounters] {
        let answers = Dictionary(units.map { ($0.id, $0.answers) }, uniquingKeysWith: { first, _ in first })
        var result: [Int64: UnitCounters] = [:]
        result.reserveCapacity(units.count)
        var currentUnit: Int64?
        var tally = layout.emptyTally()
        var options = Array(repeating: 0, count: layout.optionIDs.count)
        func flush() {
            guard let currentUnit, let total = answers[currentUnit] else { return }
            result[currentUnit] = UnitCounters(answers: total, tally: tally, options: options)
        }
        for row in try connection.query(CampaignFigures.optionCountsSQL(.campaign), named: ["campaign": campaignID]) {
            let unitID = try row.int64("unit_id")
            if unitID != currentUnit {
                flush()
                currentUnit = unitID
                tally = layout.emptyTally()
                options = Array(repeating: 0, count: layout.optionIDs.count)
            }
            guard let place = layout.place(ofOption: try row.int64("option_id")) else { continue }
            let count = try row.int("answers")
            options[place.option] += count
            tally.add(count, at: place)
        }
        flush()
        // Units without any counter yet: remembered too, so they are not read again until they get answers.
        for unit in units where result[unit.id] == nil {
            result[unit.id] = UnitCounters(
                answers: unit.answers, tally: layout.emptyTally(),
                options: Array(repeating: 0, count: layout.optionIDs.count))
        }
        return result
    }

    /// One unit's counters: `SEARCH c USING PRIMARY KEY (campaign_id=? AND unit_id=?)`.
    package static func read(
        _ connection: Connection, campaignID: Int64, unit: (id: Int64, answers: Int),
        layout: SatisfactionLayout
    ) throws -> UnitCounters {
        var tally = layout.emptyTally()
        var options = Array(repeating: 0, count: layout.optionIDs.count)
        for row in try connection.query(
            CampaignFigures.optionCountsSQL(.unit(unit.id)),
            named: ["campaign": campaignID, "scope": unit.id])
        {
            guard let place = layout.place(ofOption: try row.int64("option_id")) else { continue }
            let count = try row.int("answers")
            options[place.option] += count
            tally.add(count, at: place)
        }
        return UnitCounters(answers: unit.answers, tally: tally, options: options)
    }
}
