import Crypto
import Database
import Store
import Survey

/// `qcdc-bench-data`: a national-scale data set written the way ResponseStore and DailyReportStore write, in bulk:
/// prepared statements, one transaction per `batchSize` answers, counters (`daily_answer_counts`,
/// `option_counts`) added up in memory per batch and upserted in the same transaction as the rows they count.
public struct BenchDataGenerator {
    let connection: Connection
    let plan: BenchDataPlan

    /// Share of all answers per form PKS01…PKS07: officials' PKS01 is small, the desk forms large.
    static let formWeights: [(code: String, weight: Double)] = [
        ("PKS01", 0.03), ("PKS02", 0.20), ("PKS03", 0.15), ("PKS04", 0.12), ("PKS05", 0.20), ("PKS06", 0.10),
        ("PKS07", 0.20),
    ]

    public init(_ connection: Connection, plan: BenchDataPlan) {
        self.connection = connection
        self.plan = plan
    }

    /// One campaign and its units, with each unit's traits drawn once.
    struct CampaignPlan {
        let id: Int64
        let formCode: String
        let shape: BenchFormShape
        let unitIDs: [Int64]
        let answers: Int
    }

    public func generate(progress: (String) -> Void = { _ in }) throws -> BenchDataOutcome {
        try plan.validate()
        guard try connection.scalar("SELECT count(*) FROM campaigns", as: Int.self) ?? 0 == 0 else {
            throw BenchDataError(
                description: "Cơ sở dữ liệu đã có đợt khảo sát; hãy tạo dữ liệu thử vào một tệp mới (--db).")
        }
        var random = BenchRandom(seed: plan.seed)
        var outcome = BenchDataOutcome()
        outcome.units = try importUnits()
        progress("Đã nhập \(outcome.units) đơn vị hành chính.")
        let campaigns = try createCampaigns()
        outcome.campaignIDs = campaigns.map(\.id)
        // Traits per unit, shared by every campaign: busy or quiet, well or badly served, diligent or not.
        var traits: [Int64: UnitTraits] = [:]
        for unitID in Set(campaigns.flatMap(\.unitIDs)).sorted() {
            traits[unitID] = UnitTraits(random: &random)
        }
        for campaign in campaigns {
            var writer = try BenchAnswerWriter(
                connection: connection, campaignID: campaign.id, batchSize: plan.batchSize)
            let weightSum = campaign.unitIDs.reduce(0) { $0 + (traits[$1]?.activity ?? 1) }
            var reports = BenchReportWriter(connection: connection, campaignID: campaign.id)
            for offset in 0..<plan.days {
                let day = plan.today.adding(days: offset - plan.days + 1)
                for unitID in campaign.unitIDs {
                    let unit = traits[unitID] ?? UnitTraits(random: &random)
                    let expected = Double(campaign.answers) * unit.activity / weightSum / Double(plan.days)
                    let count = random.rounding(expected)
                    for _ in 0..<count {
                        let answer = campaign.shape.answer(quality: unit.quality, random: &random)
                        let at = VietnamTime.instant(day, hour: 7, minute: 30) + Int64(random.between(0, 9 * 3600))
                        try writer.add(unitID: unitID, day: day, at: at, answer: answer, random: &random)
                    }
                    if campaign.formCode != "PKS01" {
                        reports.add(unitID: unitID, day: day, answers: count, unit: unit, plan: plan, random: &random)
                    }
                }
            }
            try writer.finish()
            outcome.answers += writer.answers
            outcome.textAnswers += writer.texts
            try reports.flush()
            outcome.dailyReports += reports.reports
            outcome.reportVersions += reports.versions
            if campaign.formCode == "PKS01" { try addHeadcounts(campaign, random: &random) }
            progress(
                "Đợt \(campaign.formCode) (số \(campaign.id)): \(writer.answers) phiếu, \(reports.reports) báo cáo ngày."
            )
        }
        outcome.suggestions = try addSuggestions(random: &random)
        try connection.execute("ANALYZE")
        return outcome
    }

    private func importUnits() throws -> Int {
        let text: String
        let source: String
        if plan.usesDemoProvince, let seed = EmbeddedResources.seeds.first(where: { $0.name == DemoSeeder.unitFile }) {
            text = seed.text
            source = DemoSeeder.unitFile
        } else {
            text = BenchUnits.csv(communes: plan.communes, tree: plan.tree)
            source = "bench-\(plan.communes)-\(plan.tree.rawValue).csv"
        }
        let bytes = Array(text.utf8)
        let list: UnitList
        do {
            list = try UnitList(csv: bytes)
        } catch {
            throw BenchDataError(description: "Danh sách đơn vị thử không hợp lệ: \(error.description)")
        }
        _ = try UnitStore(connection).importSet(
            list, effective: BenchUnits.effectiveFrom(plan.tree),
            sourceName: source, checksum: SHA256.hex(bytes), now: plan.now)
        return list.units.count
    }

    private func createCampaigns() throws -> [CampaignPlan] {
        let store = CampaignStore(connection)
        let weightSum = Self.formWeights.reduce(0) { $0 + $1.weight }
        var assigned = 0
        return try Self.formWeights.enumerated().map { index, form in
            var campaign = NewCampaign(
                formCode: form.code, title: "Đợt thử tải \(form.code)",
                startsOn: plan.today.adding(days: 1 - plan.days),
                endsOn: plan.today.adding(days: 14))
            campaign.state = .open
            let id = try store.create(campaign, today: plan.today, now: plan.now)
            let versionID: Int64 =
                try connection.scalar(
                    "SELECT form_version_id FROM campaigns WHERE id = ?", [id]) ?? 0
            let unitIDs = try connection.query(
                "SELECT unit_id FROM campaign_units WHERE campaign_id = ? ORDER BY unit_id", [id]
            )
            .map { try $0.int64("unit_id") }
            // The last form takes the rounding remainder, so the shares add up to the requested total.
            let answers =
                index == Self.formWeights.count - 1
                ? plan.answers - assigned : Int(Double(plan.answers) * form.weight / weightSum)
            assigned += answers
            return CampaignPlan(
                id: id, formCode: form.code,
                shape: try BenchFormShape(connection, formVersionID: versionID),
                unitIDs: unitIDs, answers: answers)
        }
    }

    private func addHeadcounts(_ campaign: CampaignPlan, random: inout BenchRandom) throws {
        try connection.transaction {
            let statement = try connection.prepare(
                """
                INSERT INTO campaign_unit_headcounts (campaign_id, unit_id, headcount, entered_by, entered_at)
                VALUES (?, ?, ?, NULL, ?)
                """)
            for unitID in campaign.unitIDs {
                try statement.bind([campaign.id, unitID, random.between(15, 45), plan.now])
                try statement.run()
                statement.reset()
            }
        }
    }

    private func addSuggestions(random: inout BenchRandom) throws -> Int {
        let topics = ["Thủ tục hành chính", "Thái độ phục vụ", "Cơ sở vật chất", "An ninh trật tự", "Môi trường"]
        let texts = [
            "Đề nghị niêm yết rõ lệ phí và thời gian giải quyết hồ sơ.",
            "Cán bộ một cửa hướng dẫn tận tình, chu đáo.",
            "Bãi gửi xe trước trụ sở chật, mong được mở rộng.",
            "Đèn đường thôn tôi hỏng đã lâu chưa được sửa.",
            "Đề nghị tăng giờ tiếp dân vào sáng thứ Bảy.",
        ]
        let unitIDs = try connection.query("SELECT id FROM units WHERE level != 'province' ORDER BY id")
            .map { try $0.int64("id") }
        var written = 0
        try connection.transaction {
            let statement = try connection.prepare(
                """
                INSERT INTO suggestions (unit_id, year, round, topic, text, consent, lookup_code, status, created_at,
                                         search_text)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                """)
            for unitID in unitIDs {
                for _ in 0..<plan.suggestionsPerUnit {
                    let topic = topics[random.between(0, topics.count - 1)]
                    let text = texts[random.between(0, texts.count - 1)]
                    let status = random.chance(0.5) ? "resolved" : (random.chance(0.4) ? "in_progress" : "new")
                    let day = plan.today.adding(days: -random.between(0, plan.days - 1))
                    try statement.bind([
                        unitID, day.year, day.quarter, topic, text, "T\(written + 1)", status,
                        VietnamTime.instant(day, hour: 9, minute: 0),
                        SearchText.fold(topic + " " + text),
                    ])
                    try statement.run()
                    statement.reset()
                    written += 1
                }
            }
        }
        return written
    }
}
