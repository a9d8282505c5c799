import BenchData
import Survey

/// Labelled stuffing, each event in one commune on one day, shaped as a commune that wants a good score would do
/// it: from its own phones or office Wi-Fi, mostly with the best answers, sometimes quickly, sometimes at night.
struct StuffingEvents {
    let units: [UnitProfile]
    let answerer: FormAnswerer
    let honest: HonestTraffic

    func generate(
        days: [LocalDate], reports: [HonestTraffic.Report], honestAnswers: [SimulatedAnswer], eventsPerPattern: Int,
        _ random: inout BenchRandom
    ) -> [SimulatedAnswer] {
        let weekdays = days.filter { HonestTraffic.weekday($0) < 5 }
        guard !weekdays.isEmpty, !units.isEmpty else { return [] }
        var answers: [SimulatedAnswer] = []
        for pattern in StuffingPattern.allCases {
            var used: Set<Int> = []
            for _ in 0..<eventsPerPattern {
                var unitIndex = random.between(0, units.count - 1)
                for _ in 0..<20 where used.contains(unitIndex) { unitIndex = random.between(0, units.count - 1) }
                used.insert(unitIndex)
                let day = random.element(weekdays)
                answers += event(
                    pattern, unitIndex: unitIndex, day: day, reports: reports, honestAnswers: honestAnswers, &random)
            }
        }
        return answers
    }

    private func event(
        _ pattern: StuffingPattern, unitIndex: Int, day: LocalDate, reports: [HonestTraffic.Report],
        honestAnswers: [SimulatedAnswer], _ random: inout BenchRandom
    ) -> [SimulatedAnswer] {
        let unit = units[unitIndex]
        let midnight = VietnamTime.startOfDay(day)
        func answer(
            at: Int64, fill: Int, kiosk: Bool = false, address: String, userAgent: String,
            fields: [String: [String]]? = nil
        ) -> SimulatedAnswer {
            SimulatedAnswer(
                unitIndex: unitIndex, at: at, fillSeconds: fill, kiosk: kiosk, address: address, userAgent: userAgent,
                fields: fields ?? answerer.honest(quality: 0.97, &random), pattern: pattern)
        }
        func normalFill(_ fields: [String: [String]]) -> Int {
            honest.fillSeconds(questions: answerer.shownQuestions(fields), &random)
        }
        func phone() -> (address: String, userAgent: String) {
            (
                SimulatedPopulation.ipv6Address(network: SimulatedPopulation.ipv6Network(&random), &random),
                SimulatedPopulation.userAgent(&random)
            )
        }
        func deskInstant() -> Int64 { midnight + Int64(HonestTraffic.deskSecond(on: day, &random) ?? 9 * 3600) }

        switch pattern {
        case .burst:
            // One phone, cookies cleared each time: on the office Wi-Fi or on its own IPv6 /64.
            let network = SimulatedPopulation.ipv6Network(&random)
            let onWifi = random.chance(0.5)
            let userAgent = SimulatedPopulation.userAgent(&random)
            var at = deskInstant()
            return (0..<random.between(12, 30)).map { _ in
                let fill = random.between(40, 110)
                at += Int64(fill + random.between(5, 40))
                return answer(
                    at: at, fill: fill,
                    address: onWifi
                        ? unit.officeAddress : SimulatedPopulation.ipv6Address(network: network, &random),
                    userAgent: userAgent)
            }
        case .identicalVectors, .nearIdenticalVectors:
            let phones = (0..<random.between(3, 5)).map { _ in phone() }
            return (0..<random.between(15, 30)).map { _ in
                let fields =
                    pattern == .identicalVectors ? answerer.template() : answerer.nearTemplate(&random)
                let device = random.element(phones)
                return answer(
                    at: deskInstant(), fill: normalFill(fields), address: device.address,
                    userAgent: device.userAgent, fields: fields)
            }
        case .offHours:
            return (0..<random.between(8, 20)).map { _ in
                let device = phone()
                let fields = answerer.honest(quality: 0.97, &random)
                return answer(
                    at: midnight + Int64(random.between(19 * 3600, 23 * 3600 + 1800)), fill: normalFill(fields),
                    address: device.address, userAgent: device.userAgent, fields: fields)
            }
        case .tooFast:
            return (0..<random.between(10, 20)).map { _ in
                let device = phone()
                return answer(
                    at: deskInstant(), fill: random.between(5, 14), address: device.address,
                    userAgent: device.userAgent)
            }
        case .kioskNoGap:
            var at = deskInstant()
            return (0..<random.between(20, 40)).map { _ in
                let fill = random.between(20, 40)
                at += Int64(fill + random.between(3, 10))
                return answer(
                    at: at, fill: fill, kiosk: true, address: unit.officeAddress, userAgent: unit.kioskUserAgent)
            }
        case .overQuota:
            // Far above the day's reported visitors, added before the report is filed.
            let visitors =
                reports.first { $0.unitIndex == unitIndex && $0.day == day }?.visitors ?? Int(unit.meanVisitors)
            let already = honestAnswers.filter { $0.unitIndex == unitIndex && VietnamTime.localDate(at: $0.at) == day }
                .count
            let upper = QuotaRule.standard.upperBound(visitors: visitors)
            let extra = max(10, upper - already + random.between(5, 15))
            return (0..<extra).map { _ in
                let device = phone()
                let fields = answerer.honest(quality: 0.97, &random)
                return answer(
                    at: midnight + Int64(random.between(16 * 3600, 16 * 3600 + 2400)), fill: normalFill(fields),
                    address: device.address, userAgent: device.userAgent, fields: fields)
            }
        }
    }
}
