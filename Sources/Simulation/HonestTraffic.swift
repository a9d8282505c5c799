import BenchData
import Survey

/// A month of honest desk traffic: visitors arrive in desk hours (weekdays 07:00–11:30 and 13:30–17:00, Saturday
/// morning), some of them answer once on their phone or at the desk's kiosk, taking a reading time that grows with
/// the questions they see, and the commune reports its visitors every day it is open.
struct HonestTraffic {
    let units: [UnitProfile]
    let answerer: FormAnswerer

    struct Report {
        let unitIndex: Int
        let day: LocalDate
        let visitors: Int
    }

    /// 0 is Monday.
    static func weekday(_ day: LocalDate) -> Int { ((day.daysSinceEpoch + 3) % 7 + 7) % 7 }

    /// The desk's opening hours on `day`, as (start, end) minutes of the day.
    static func sessions(on day: LocalDate) -> [(Int, Int)] {
        switch weekday(day) {
        case 0...4: [(7 * 60, 11 * 60 + 30), (13 * 60 + 30, 17 * 60)]
        case 5: [(7 * 60, 11 * 60 + 30)]
        default: []
        }
    }

    /// A moment inside the day's desk hours (seconds since midnight), mornings a little busier.
    static func deskSecond(on day: LocalDate, _ random: inout BenchRandom) -> Int? {
        let sessions = sessions(on: day)
        guard !sessions.isEmpty else { return nil }
        let weights = sessions.enumerated().map { Double($1.1 - $1.0) * ($0 == 0 ? 1.3 : 1) }
        let (start, end) = sessions[random.weighted(weights)]
        return start * 60 + random.between(0, (end - start) * 60 - 1)
    }

    /// How long a person takes: about nine seconds a question, spread log-normally.
    func fillSeconds(questions: Int, _ random: inout BenchRandom) -> Int {
        max(5, Int(random.logNormal(median: 9 * Double(questions), sigma: 0.45).rounded()))
    }

    func generate(days: [LocalDate], _ random: inout BenchRandom) -> (answers: [SimulatedAnswer], reports: [Report]) {
        var answers: [SimulatedAnswer] = []
        var reports: [Report] = []
        for day in days {
            let dayFactor = Self.weekday(day) == 5 ? 0.4 : 1
            guard !Self.sessions(on: day).isEmpty else { continue }
            for (index, unit) in units.enumerated() {
                let visitors = random.poisson(unit.meanVisitors * dayFactor)
                reports.append(Report(unitIndex: index, day: day, visitors: visitors))
                for _ in 0..<visitors where random.chance(unit.participation) {
                    guard let arrival = Self.deskSecond(on: day, &random) else { continue }
                    let fields = answerer.honest(quality: unit.quality, &random)
                    let fill = fillSeconds(questions: answerer.shownQuestions(fields), &random)
                    let kiosk = unit.hasKiosk && random.chance(unit.kioskShare)
                    answers.append(
                        SimulatedAnswer(
                            unitIndex: index,
                            at: VietnamTime.startOfDay(day) + Int64(arrival + fill), fillSeconds: fill, kiosk: kiosk,
                            address: kiosk ? unit.officeAddress : SimulatedPopulation.phoneAddress(unit: unit, &random),
                            userAgent: kiosk ? unit.kioskUserAgent : SimulatedPopulation.userAgent(&random),
                            fields: fields, pattern: nil))
                }
            }
        }
        return (answers, reports)
    }
}
