import BenchData
import Crypto
import Database
import Store
import Survey
import Web

/// Generates the month, sends every answer through the server's own validation (`AnswerValidator`) and storage
/// (`ResponseStore.store`, with the network fingerprint the server computes), files the communes' daily reports
/// through `DailyReportStore`, lets the flagger scan as the server does, and scores its flags against the labels.
package struct SimulationRun {
    let connection: Connection
    let plan: SimulationPlan

    package init(_ connection: Connection, plan: SimulationPlan) {
        self.connection = connection
        self.plan = plan
    }

    package func run(progress: (String) -> Void = { _ in }) throws -> SimulationScore {
        try plan.validate()
        guard try connection.scalar("SELECT count(*) FROM responses", as: Int.self) ?? 0 == 0 else {
            throw SimulationError("Cơ sở dữ liệu đã có phiếu trả lời; hãy mô phỏng trên một tệp mới (--db).")
        }
        let seeded = try DemoSeeder.seed(connection, today: plan.endsBefore, now: 0)
        let campaignID = seeded.campaignID
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID),
            let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID)
        else { throw SimulationError("Không tạo được đợt khảo sát mô phỏng.") }

        var random = BenchRandom(seed: plan.seed)
        var units: [UnitProfile] = []
        for (index, row) in try connection.query(
            """
            SELECT u.id AS id, u.code AS code FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
            WHERE cu.campaign_id = ? AND u.level = 'commune' ORDER BY u.code
            """, [campaignID]
        ).enumerated() {
            if let limit = plan.unitLimit, index >= limit { break }
            units.append(
                UnitProfile(unitID: try row.int64("id"), code: try row.string("code"), index: index, random: &random))
        }
        let days = (0..<plan.days).map { plan.firstDay.adding(days: $0) }
        let answerer = FormAnswerer(form: form)
        let honest = HonestTraffic(units: units, answerer: answerer)
        let (honestAnswers, reports) = honest.generate(days: days, &random)
        let stuffed = StuffingEvents(units: units, answerer: answerer, honest: honest).generate(
            days: days, reports: reports, honestAnswers: honestAnswers, eventsPerPattern: plan.eventsPerPattern,
            &random)
        progress("Đã sinh \(honestAnswers.count) phiếu thật và \(stuffed.count) phiếu độn ở \(units.count) xã.")

        let labels = try store(
            (honestAnswers + stuffed).sorted { $0.at < $1.at }, units: units, campaignID: campaignID,
            form: form, random: &random)
        try file(reports, units: units)
        progress("Đã lưu phiếu và \(reports.count) báo cáo ngày; đang quét dấu hiệu bất thường.")
        var score = SimulationScore(labels: labels)
        score.flags = try scan()
        return score
    }

    /// The server's background scan, run until it has seen every answer and report, then the flags per stored
    /// submission id.
    private func scan() throws -> [String: Set<String>] {
        let flagger = AnswerFlagger(connection, settings: plan.flagSettings)
        let end = VietnamTime.startOfDay(plan.endsBefore)
        while true {
            let before = try connection.scalar("SELECT last_response_id FROM flag_scan_progress", as: Int64.self)
            try flagger.scan(now: end)
            let after = try connection.scalar("SELECT last_response_id FROM flag_scan_progress", as: Int64.self)
            if after == before { break }
        }
        var submissionIDs: [Int64: String] = [:]
        for row in try connection.query("SELECT id, submission_id FROM responses") {
            submissionIDs[try row.int64("id")] = try row.string("submission_id")
        }
        var flags: [String: Set<String>] = [:]
        for (responseID, reasons) in try FlagStore(connection).flags(responseIDs: Array(submissionIDs.keys)) {
            if let submissionID = submissionIDs[responseID] { flags[submissionID] = Set(reasons.map(\.rawValue)) }
        }
        return flags
    }

    /// Every answer as the server stores it; returns each stored submission id's label.
    private func store(
        _ answers: [SimulatedAnswer], units: [UnitProfile], campaignID: Int64, form: FormDefinition,
        random: inout BenchRandom
    ) throws -> [String: StuffingPattern?] {
        let validator = AnswerValidator(form: form)
        let fingerprint = NetworkFingerprint()
        let store = ResponseStore(connection)
        var labels: [String: StuffingPattern?] = [:]
        var sequence: Int64 = 0
        for batch in stride(from: 0, to: answers.count, by: 2000) {
            try connection.transaction {
                for answer in answers[batch..<min(batch + 2000, answers.count)] {
                    guard case .success(let validated) = validator.validate(answer.fields) else {
                        throw SimulationError("Phiếu mô phỏng không hợp lệ với mẫu phiếu \(form.code).")
                    }
                    sequence += 1
                    let submissionID = TimeOrderedID.submissionID(milliseconds: answer.at * 1000 + sequence % 1000)
                    let day = VietnamTime.localDate(at: answer.at)
                    let network = IPAddress(answer.address)?.network
                    // Everyone sends the form once from a browser without the "already answered" cookie (honest
                    // people answer once; stuffers clear it); kiosks never get one.
                    let mark =
                        answer.kiosk
                        ? nil : RespondentToken.mint(milliseconds: answer.at * 1000 + sequence % 1000).mark(isNew: true)
                    let submission = Submission(
                        campaignID: campaignID, unitID: units[answer.unitIndex].unitID, submissionID: submissionID,
                        submittedAt: answer.at, channel: answer.kiosk ? .kiosk : .phone,
                        fillSeconds: answer.fillSeconds,
                        networkHash: fingerprint.hash(network: network, on: day), answers: validated,
                        respondent: mark,
                        deviceHash: fingerprint.deviceHash(network: network, userAgent: answer.userAgent, on: day))
                    guard case .stored = try store.store(submission) else {
                        throw SimulationError("Phiếu mô phỏng \(submissionID) không được lưu như một phiếu mới.")
                    }
                    labels[submissionID] = .some(answer.pattern)
                }
            }
        }
        return labels
    }

    /// The daily reports, filed inside each day's window as a work team does.
    private func file(_ reports: [HonestTraffic.Report], units: [UnitProfile]) throws {
        let reportStore = DailyReportStore(connection)
        for report in reports {
            let unit = units[report.unitIndex]
            let user = AuthenticatedUser(
                id: 0, username: "mophong", role: .commune, unitID: unit.unitID, unitCode: unit.code,
                unitName: unit.code, mustChangePassword: false, viaAPIToken: false)
            _ = try reportStore.submit(
                DailyReportDraft(
                    unitID: unit.unitID, date: report.day, visitors: report.visitors,
                    guided: report.visitors / 2, staffOnDuty: 2, volunteers: 1, publicity: [.noticeBoard]),
                by: user, now: VietnamTime.instant(report.day, hour: 16, minute: 45))
        }
    }
}
