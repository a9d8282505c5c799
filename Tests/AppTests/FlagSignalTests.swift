import Survey
import Testing

@testable import Store

/// Every signal as a pure function, at its edges: N − 1 not flagged, N flagged with every member (the first
/// included), the window's edge, and honest answers left alone.
@Suite struct FlagSignalTests {
    static let signals = FlagSignals(settings: FlagSettings())
    /// Wednesday 12/06/2024 09:00, Hanoi time: inside the desk hours.
    static let start = VietnamTime.instant(LocalDate(iso: "2024-06-12")!, hour: 9, minute: 0)

    static func answers(
        _ count: Int, every seconds: Int64, from id: Int64 = 1, channel: ResponseChannel = .phone,
        network: String? = "net-a", device: String? = "dev-a", hadCookie: Bool = false, choices: String = "1,5",
        fill: Int = 120, at start: Int64 = start
    ) -> [ScannedAnswer] {
        (0..<count).map { index in
            ScannedAnswer(
                id: id + Int64(index), submittedAt: start + Int64(index) * seconds, channel: channel,
                fillSeconds: fill, networkHash: network, deviceHash: device, hadCookie: hadCookie, choices: choices)
        }
    }

    static func ids(_ flags: [FoundFlag], _ reason: FlagReason) -> Set<Int64> {
        Set(flags.filter { $0.reason == reason }.map(\.responseID))
    }

    @Test func windowMembersAtTheEdges() {
        // Three within [t, t + 60): all three, the first included.
        #expect(FlagSignals.windowMembers([0, 30, 59], count: 3, window: 60) == [true, true, true])
        // The third arrives exactly one window after the first: never three in one window.
        #expect(FlagSignals.windowMembers([0, 30, 60], count: 3, window: 60) == [false, false, false])
        #expect(FlagSignals.windowMembers([0, 30], count: 3, window: 60) == [false, false])
        // A pattern in the middle of honest traffic: only its members.
        #expect(
            FlagSignals.windowMembers([0, 500, 510, 520, 2000], count: 3, window: 60)
                == [false, true, true, true, false])
    }

    @Test func burstFlagsEveryMemberFromTheNthAnswer() {
        let settings = FlagSettings()
        let seven = Self.answers(settings.burstAnswers - 1, every: 60)
        #expect(Self.signals.burst(seven).isEmpty)
        let eight = Self.answers(settings.burstAnswers, every: 60)
        #expect(Self.ids(Self.signals.burst(eight), .burst) == Set(1...8))
        // The eighth exactly one hour after the first: never eight in one hour. A second earlier: all eight.
        func at(_ times: [Int64]) -> [ScannedAnswer] {
            times.enumerated().map {
                ScannedAnswer(id: Int64($0.offset + 1), submittedAt: Self.start + $0.element, networkHash: "net-a")
            }
        }
        let six = (1...6).map { Int64($0) * 60 }
        #expect(Self.signals.burst(at([0] + six + [settings.burstWindow])).isEmpty)
        #expect(Self.ids(Self.signals.burst(at([0] + six + [settings.burstWindow - 1])), .burst) == Set(1...8))
        // Eight different networks are eight people.
        let people = (1...8).flatMap { Self.answers(1, every: 0, from: Int64($0), network: "net-\($0)") }
        #expect(Self.signals.burst(people).isEmpty)
        // A kiosk has its own ceiling.
        let kiosk = Self.answers(settings.kioskBurstAnswers - 1, every: 150, channel: .kiosk)
        #expect(Self.signals.burst(kiosk).isEmpty)
        let busyKiosk = Self.answers(settings.kioskBurstAnswers, every: 150, channel: .kiosk)
        #expect(Self.ids(Self.signals.burst(busyKiosk), .burst).count == settings.kioskBurstAnswers)
        // Answers without a fingerprint are never grouped.
        #expect(Self.signals.burst(Self.answers(20, every: 1, network: nil)).isEmpty)
    }

    @Test func repeatDeviceCountsCookieLessPhoneAnswersOnly() {
        let settings = FlagSettings()
        let two = Self.answers(settings.repeatDeviceAnswers - 1, every: 300)
        #expect(Self.signals.repeatDevice(two).isEmpty)
        let three = Self.answers(settings.repeatDeviceAnswers, every: 300)
        #expect(Self.ids(Self.signals.repeatDevice(three), .repeatDevice) == [1, 2, 3])
        // The window's edge: the third exactly 30 minutes after the first.
        let edge = Self.answers(3, every: settings.repeatDeviceWindow / 2)
        #expect(Self.signals.repeatDevice(edge).isEmpty)
        let inside = Self.answers(3, every: settings.repeatDeviceWindow / 2 - 1)
        #expect(Self.signals.repeatDevice(inside).count == 3)
        // A browser that kept its cookie, or a kiosk, is not a cleared-cookie repeat.
        #expect(Self.signals.repeatDevice(Self.answers(5, every: 60, hadCookie: true)).isEmpty)
        #expect(Self.signals.repeatDevice(Self.answers(5, every: 60, channel: .kiosk)).isEmpty)
        #expect(Self.signals.repeatDevice(Self.answers(5, every: 60, device: nil)).isEmpty)
    }

    /// Over a working day: five cookie-less answers from one device within ten hours, however spread out.
    @Test func repeatDeviceOverAWorkingDay() {
        let settings = FlagSettings()
        let spread = settings.repeatDeviceDayWindow / Int64(settings.repeatDeviceDayAnswers - 1)
        // Four an hour or more apart: neither rule.
        #expect(Self.signals.repeatDevice(Self.answers(settings.repeatDeviceDayAnswers - 1, every: 3600)).isEmpty)
        // Five with the last exactly ten hours after the first: outside the window.
        #expect(Self.signals.repeatDevice(Self.answers(settings.repeatDeviceDayAnswers, every: spread)).isEmpty)
        // A second less: all five, the first included, flagged once each.
        let inside = Self.answers(settings.repeatDeviceDayAnswers, every: spread - 1)
        #expect(Self.ids(Self.signals.repeatDevice(inside), .repeatDevice) == [1, 2, 3, 4, 5])
        #expect(Self.signals.repeatDevice(inside).count == 5)
        // Both rules at once still flag each answer once.
        #expect(Self.signals.repeatDevice(Self.answers(6, every: 60)).count == 6)
    }

    /// A ten-question form: questions 1–10 with options 10q+1…10q+4, plus a follow-up shown after option 11.
    static let form = FormDefinition(
        formVersionID: 1, code: "PKS02", title: "Phiếu", intro: "",
        questions: (1...10).map { number in
            QuestionDefinition(
                id: Int64(number), code: "q\(number)", kind: .single, text: "Câu \(number)", required: true,
                options: (1...4).map {
                    OptionDefinition(id: Int64(number * 10 + $0), label: "Lựa chọn \($0)", polarity: nil)
                })
        } + [
            QuestionDefinition(
                id: 11, code: "q11", kind: .shortText, text: "Vì sao?", required: false, showIfOptionID: 11)
        ])

    @Test func tooFastHonoursTheThirtySecondGuarantee() {
        let choices = (1...10).map { String($0 * 10 + 2) }.joined(separator: ",")
        let answers = [19, 20, 45, 5, 29, 30].enumerated().map { index, fill in
            ScannedAnswer(id: Int64(index + 1), submittedAt: Self.start, fillSeconds: fill, choices: choices)
        }
        // The default, 2 s × 10 questions: 19 s is too fast, 20 s is not.
        #expect(Self.ids(Self.signals.tooFast(answers, form: Self.form), .tooFast) == [1, 4])
        // The strictest setting, 3 s: 29 s is too fast, 30 s never is.
        var strict = FlagSettings()
        strict.secondsPerQuestion = 3
        #expect(Self.ids(FlagSignals(settings: strict).tooFast(answers, form: Self.form), .tooFast) == [1, 2, 4, 5])
        // Choosing option 11 opens the follow-up: eleven questions shown, 32 s is too fast at 3 s, 33 s is not.
        let withFollowUp = "11," + (2...10).map { String($0 * 10 + 2) }.joined(separator: ",")
        let longer = [32, 33].enumerated().map { index, fill in
            ScannedAnswer(id: Int64(index + 1), submittedAt: Self.start, fillSeconds: fill, choices: withFollowUp)
        }
        #expect(Self.ids(FlagSignals(settings: strict).tooFast(longer, form: Self.form), .tooFast) == [1])
        // Even a larger setting cannot break the guarantee.
        strict.secondsPerQuestion = 10
        #expect(strict.secondsPerQuestion == 3)
        #expect(FlagSignals(settings: strict).tooFast([answers[5]], form: Self.form).isEmpty)
    }

    @Test func offHoursAtTheDeskHoursEdges() {
        let wednesday = LocalDate(iso: "2024-06-12")!
        let saturday = LocalDate(iso: "2024-06-15")!
        func at(_ date: LocalDate, _ hour: Int, _ minute: Int, _ second: Int = 0, id: Int64) -> ScannedAnswer {
            ScannedAnswer(id: id, submittedAt: VietnamTime.instant(date, hour: hour, minute: minute, second: second))
        }
        let answers = [
            at(wednesday, 6, 59, 59, id: 1), at(wednesday, 7, 0, id: 2), at(wednesday, 11, 44, 59, id: 3),
            at(wednesday, 11, 45, id: 4), at(wednesday, 17, 14, 59, id: 5), at(wednesday, 17, 15, id: 6),
            at(saturday, 10, 0, id: 7), at(saturday, 14, 0, id: 8), at(wednesday, 12, 30, id: 9),
        ]
        #expect(Self.ids(Self.signals.offHours(answers, hours: .standard), .offHours) == [1, 4, 6, 8, 9])
        // A unit that opens on Saturday afternoon too.
        let longSaturday = DeskHours(text: "1-5=07:00-11:30,13:30-17:00;6=07:00-11:30,13:30-16:00")!
        #expect(Self.ids(Self.signals.offHours(answers, hours: longSaturday), .offHours) == [1, 4, 6, 9])
    }

    @Test func overQuotaFlagsTheWholeDayOrTheLaterAnswersBeyondTheUpperBound() {
        // 10 visitors: upper bound 15 at ±50%.
        let fifteen = Self.answers(15, every: 60)
        #expect(Self.signals.overQuota(dayAnswers: fifteen, visitors: 10, rule: .standard).isEmpty)
        let sixteenInAll = Self.answers(16, every: 60)
        #expect(
            Set(Self.signals.overQuota(dayAnswers: sixteenInAll, visitors: 10, rule: .standard).map(\.responseID))
                == Set(1...16), "one over the bound: every answer of the day, the first ones included")
        let eighteen = Self.answers(18, every: 60).reversed()
        var laterOnly = FlagSettings()
        laterOnly.overQuotaWholeDay = false
        let flagged = FlagSignals(settings: laterOnly).overQuota(
            dayAnswers: Array(eighteen), visitors: 10, rule: .standard)
        #expect(Set(flagged.map(\.responseID)) == [16, 17, 18])
        // No visitors: every answer is beyond the bound.
        #expect(Self.signals.overQuota(dayAnswers: fifteen, visitors: 0, rule: .standard).count == 15)
        // A confirmed answer no longer counts: 16 answers, one confirmed, fit.
        var sixteen = Self.answers(16, every: 60)
        sixteen[0] = ScannedAnswer(id: 1, submittedAt: Self.start, choices: "1,5", confirmed: true)
        #expect(Self.signals.overQuota(dayAnswers: sixteen, visitors: 10, rule: .standard).isEmpty)
    }

    /// Ten questions of four options each; `vector` picks option `pick` of every question.
    static func vector(_ pick: Int) -> String { (1...10).map { String($0 * 10 + pick) }.joined(separator: ",") }

    /// `copies` answers of one vector among `others` answers of distinct vectors, over `span` seconds.
    static func mixed(copies: Int, of choices: String, others: Int, span: Int64 = 3600) -> [ScannedAnswer] {
        let total = copies + others
        return (0..<total).map { index in
            let time = start + span * Int64(index) / Int64(total)
            let own = index % max(1, total / max(1, copies)) == 0 && index / max(1, total / max(1, copies)) < copies
            return ScannedAnswer(
                id: Int64(index + 1), submittedAt: time, choices: own ? choices : "honest-\(index)")
        }
    }

    @Test func identicalVectorsAgainstChance() {
        var even: [Int64: Double] = [:]
        for question in 1...10 { for pick in 1...4 { even[Int64(question * 10 + pick)] = 0.25 } }
        let stuffed = Self.vector(3)
        func flagged(_ answers: [ScannedAnswer], shares: [Int64: Double] = even) -> Int {
            Self.ids(Self.signals.identicalVectors(answers, shares: shares), .identicalVectors).count
        }
        // p = 0.25^10: chance alone explains nothing, so the minimum of five copies decides.
        let four = Self.mixed(copies: 4, of: stuffed, others: 96)
        #expect(four.filter { $0.choices == stuffed }.count == 4)
        #expect(flagged(four) == 0)
        let five = Self.mixed(copies: 5, of: stuffed, others: 95)
        #expect(flagged(five) == 5)
        #expect(
            Self.signals.identicalVectors(five, shares: even).allSatisfy {
                five[Int($0.responseID) - 1].choices == stuffed
            })
        // A popular vector (every option chosen by 90%: p ≈ 0.35) among 100 answers: 40 copies are chance, 70 not.
        let popular = Dictionary(uniqueKeysWithValues: (1...10).map { (Int64($0 * 10 + 1), 0.9) })
        let forty = Self.mixed(copies: 40, of: Self.vector(1), others: 60)
        #expect(forty.filter { $0.choices == Self.vector(1) }.count == 40)
        #expect(flagged(forty, shares: popular) == 0)
        #expect(flagged(Self.mixed(copies: 70, of: Self.vector(1), others: 30), shares: popular) == 70)
        // The window's edge: the fifth copy exactly one window after the first.
        let window = FlagSettings().identicalWindow
        let spread = (0..<5).map {
            ScannedAnswer(id: Int64($0 + 1), submittedAt: Self.start + (window / 4) * Int64($0), choices: stuffed)
        }
        #expect(flagged(spread) == 0)
        let tight = (0..<5).map {
            ScannedAnswer(id: Int64($0 + 1), submittedAt: Self.start + (window / 4 - 1) * Int64($0), choices: stuffed)
        }
        #expect(flagged(tight) == 5)
        // An honest spread of a commune with a favourite answer is never flagged.
        var honest: [ScannedAnswer] = []
        var seed: UInt64 = 42
        for index in 0..<300 {
            let picks = (1...10).map { question -> String in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let roll = Double(seed >> 11) / Double(1 << 53)
                return String(question * 10 + (roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3))
            }
            honest.append(
                ScannedAnswer(
                    id: Int64(index + 1), submittedAt: Self.start + Int64(index) * 100,
                    choices: picks.joined(separator: ",")))
        }
        var observed: [Int64: Double] = [:]
        for question in 1...10 {
            for (pick, share) in [(1, 0.7), (2, 0.2), (3, 0.1)] { observed[Int64(question * 10 + pick)] = share }
        }
        #expect(flagged(honest, shares: observed) == 0)
    }
}
