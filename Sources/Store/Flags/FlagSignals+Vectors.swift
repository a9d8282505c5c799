import Survey

extension FlagSignals {
    /// The same choices repeated beyond chance (see `FlagSettings.identicalMinCopies`). `shares` is option id →
    /// the share of the unit's answers that chose it. For each run of copies inside one window the count is
    /// compared with the Poisson upper quantile of n·p, n being every answer of the unit in that window.
    package func identicalVectors(_ answers: [ScannedAnswer], shares: [Int64: Double]) -> [FoundFlag] {
        let window = settings.identicalWindow
        let allTimes = answers.map(\.submittedAt).sorted()
        var byVector: [String: [ScannedAnswer]] = [:]
        for answer in answers where !answer.choices.isEmpty { byVector[answer.choices, default: []].append(answer) }
        var found: [FoundFlag] = []
        for vector in byVector.keys.sorted() {
            let copies = byVector[vector]!.sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
            guard copies.count >= settings.identicalMinCopies else { continue }
            let p = copies[0].optionIDs.reduce(1.0) { $0 * min(1, max(0, shares[$1] ?? 1)) }
            var marked = Array(repeating: false, count: copies.count)
            var right = 0
            // Each copy is marked once, so thousands of copies in one window stay linear (a stuffing attack must
            // not make the scan, which holds the writer, quadratic).
            var markedUpTo = 0
            for left in copies.indices {
                right = max(right, left)
                let end = copies[left].submittedAt + window
                while right < copies.count, copies[right].submittedAt < end { right += 1 }
                let n = Self.count(allTimes, from: copies[left].submittedAt, before: end)
                let needed = max(
                    settings.identicalMinCopies,
                    PoissonTail.upperQuantile(lambda: Double(n) * p, alpha: settings.identicalAlpha))
                if right - left >= needed {
                    for index in max(left, markedUpTo)..<right { marked[index] = true }
                    markedUpTo = max(markedUpTo, right)
                }
            }
            let total = copies.count
            for (answer, isMarked) in zip(copies, marked) where isMarked {
                found.append(
                    FoundFlag(
                        responseID: answer.id, reason: .identicalVectors,
                        detail: "\(total) phiếu chọn giống hệt nhau, nhiều hơn mức ngẫu nhiên"))
            }
        }
        return found
    }

    /// Times in [start, end) of a sorted list.
    static func count(_ sorted: [Int64], from start: Int64, before end: Int64) -> Int {
        func firstIndex(atLeast value: Int64) -> Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return firstIndex(atLeast: end) - firstIndex(atLeast: start)
    }

    /// On a day with a report: the answers beyond the quota's upper bound for that day's visitors. Nothing in an
    /// answer tells an added one from a real one, so by default (`overQuotaWholeDay`) every answer of an
    /// over-quota day is flagged for a person to review the day, the first ones included; otherwise only the later
    /// ones by time (the first `upperBound` answers are within it). Confirmed answers no longer count and are
    /// skipped.
    package func overQuota(dayAnswers: [ScannedAnswer], visitors: Int, rule: QuotaRule) -> [FoundFlag] {
        let counted = dayAnswers.filter { !$0.confirmed }.sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
        let upper = rule.upperBound(visitors: visitors)
        guard counted.count > upper else { return [] }
        return counted[(settings.overQuotaWholeDay ? 0 : upper)...].map {
            FoundFlag(
                responseID: $0.id, reason: .overQuota,
                detail:
                    "Ngày có \(counted.count) phiếu, vượt mức \(upper) phiếu cho \(visitors) lượt giao dịch đã báo cáo")
        }
    }
}
