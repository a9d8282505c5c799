import Database
import Survey

public struct CampaignRecord: Sendable, Hashable {
    public let id: Int64
    public let formVersionID: Int64
    public let formCode: String
    public let unitSetID: Int64
    public let title: String
    public let schedule: CampaignSchedule
    public let quota: QuotaRule
    public let window: ReportingWindow
    /// The last day planned before the campaign was closed by hand ahead of it; `schedule.endsOn` is then the
    /// closing day, the last one whose reports and answers count.
    public var plannedEndsOn: LocalDate? = nil
    /// The partner organisation the programme assigns to the campaign's form (e.g. "Hội Cựu chiến binh" for PKS02).
    public var organisation: String = ""
    /// The unit that runs the campaign (a district for its communes, a commune for itself); nil for the province.
    public var ownerUnitCode: String? = nil
}

/// Which units a new campaign covers.
public enum CampaignScope: Sendable, Hashable {
    /// Every unit of the levels the form runs at (communes; for PKS05 also districts).
    case all
    /// The communes (and, where the form runs there, the district desks) of these districts.
    case districts([String])
    case units([String])
}

public struct NewCampaign: Sendable {
    public var formCode: String
    public var title: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var state: CampaignState = .open
    public var scope: CampaignScope = .all
    public var quota: QuotaRule = .standard
    public var window: ReportingWindow = .standard
    /// The unit that runs the campaign; nil for the province. Coverage must stay inside the owner's scope, and
    /// `.all` means the owner's own scope (a district's communes and desk, a commune itself).
    public var owner: String? = nil

    public init(formCode: String, title: String, startsOn: LocalDate, endsOn: LocalDate) {
        self.formCode = formCode
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

public struct CampaignStoreError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

public struct CampaignStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Creates a campaign bound to the unit set in force on `today` and to the form's latest version.
    @discardableResult
    public func create(_ campaign: NewCampaign, today: LocalDate, now: Int64) throws -> Int64 {
        guard campaign.startsOn <= campaign.endsOn else {
            throw CampaignStoreError(description: "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
        }
        let forms = FormStore(connection)
        guard let versionID = try forms.latestVersionID(formCode: campaign.formCode),
            let summary = try forms.forms().first(where: { $0.code == campaign.formCode })
        else {
            throw CampaignStoreError(description: "Không có mẫu phiếu \(campaign.formCode).")
        }
        let units = UnitStore(connection)
        guard let setID = try units.unitSetID(inForceOn: today) else {
            throw CampaignStoreError(
                description: "Chưa có bộ đơn vị hành chính nào có hiệu lực; hãy nhập danh sách đơn vị trước.")
        }
        let owner = try ownerUnit(campaign.owner, setID: setID, units: units)
        try checkForm(campaign.formCode, usableBy: owner)
        return try connection.transaction {
            try connection.run(
                """
                INSERT INTO campaigns (form_version_id, unit_set_id, title, starts_on, ends_on, state, tolerance,
                                       busy_floor, window_start, window_end, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    versionID, setID, SearchText.clean(campaign.title), campaign.startsOn.iso, campaign.endsOn.iso,
                    campaign.state.rawValue, Double(campaign.quota.tolerancePerMille) / 1000, campaign.quota.busyFloor,
                    campaign.window.startMinute, campaign.window.endMinute, now,
                ])
            let campaignID = connection.lastInsertRowID
            // Set apart: a province campaign's insert stays the one every schema since 0005 accepts (the migration
            // tests create campaigns on older schemas).
            if let owner {
                try connection.run(
                    "UPDATE campaigns SET owner_unit_code = ? WHERE id = ?", [owner.code, campaignID])
            }
            let scopeUnits = try self.units(
                for: campaign.scope, owner: owner, levels: summary.unitLevels, setID: setID, units: units)
            for unitID in scopeUnits {
                try connection.run(
                    "INSERT OR IGNORE INTO campaign_units (campaign_id, unit_id) VALUES (?, ?)",
                    [campaignID, unitID])
            }
            return campaignID
        }
    }

    func plainUnits(
        for scope: CampaignScope, levels: [String], setID: Int64, units: UnitStore
    ) throws -> [Int64] {
        switch scope {
        case .all:
            return try levels.flatMap { try units.units(inSet: setID, level: $0) }.map(\.id)
        case .districts(let codes):
            var ids: [Int64] = []
            for code in codes {
                guard let district = try units.unit(code: code, inSet: setID), district.level == "district" else {
                    throw CampaignStoreError(description: "Không có huyện mã \(code) trong bộ đơn vị hiện hành.")
                }
                if levels.contains("district") { ids.append(district.id) }
                ids += try units.communes(inSet: setID, district: district.id).map(\.id)
            }
            return ids
        case .units(let codes):
            return try codes.map { code in
                guard let unit = try units.unit(code: code, inSet: setID), levels.contains(unit.level) else {
                    throw CampaignStoreError(
                        description:
                            "Đơn vị mã \(code) không có trong bộ đơn vị hiện hành hoặc không thuộc cấp khảo sát của mẫu phiếu."
                    )
                }
                return unit.id
            }
        }
    }

    public func campaign(id: Int64) throws -> CampaignRecord? {
        try connection.queryOne("\(Self.columns) WHERE c.id = ?", [id]).map(Self.record)
    }

    public func all() throws -> [CampaignRecord] {
        try connection.query("\(Self.columns) ORDER BY c.starts_on DESC, c.id DESC").map(Self.record)
    }

    /// Campaigns that include the unit and accept answers on `day`.
    public func openCampaigns(forUnit unitID: Int64, on day: LocalDate) throws -> [CampaignRecord] {
        try connection.query(
            """
            \(Self.columns) JOIN campaign_units cu ON cu.campaign_id = c.id
            WHERE cu.unit_id = ? AND c.state = 'open' AND c.starts_on <= ? AND c.ends_on >= ?
            ORDER BY c.ends_on, c.id
            """, [unitID, day.iso, day.iso]
        ).map(Self.record)
    }

    public func includes(campaignID: Int64, unitID: Int64) throws -> Bool {
        try connection.scalar(
            "SELECT 1 FROM campaign_units WHERE campaign_id = ? AND unit_id = ?",
            [campaignID, unitID], as: Int.self) != nil
    }

    /// Publishes a draft or reopens a closed campaign. Reopening gives back the days an early close took away.
    public func open(campaignID: Int64) throws {
        try connection.run(
            """
            UPDATE campaigns SET state = 'open', ends_on = coalesce(planned_ends_on, ends_on), planned_ends_on = NULL
            WHERE id = ?
            """, [campaignID])
    }

    /// Closes the campaign. Closed before its last day, it ends on `today`: reports a unit files after that day
    /// (for the other campaigns it belongs to) no longer count here. The planned end is kept for reopening.
    public func close(campaignID: Int64, today: LocalDate) throws {
        try connection.run(
            """
            UPDATE campaigns
            SET state = 'closed',
                planned_ends_on = CASE WHEN ends_on > ?1 THEN coalesce(planned_ends_on, ends_on)
                                       ELSE planned_ends_on END,
                ends_on = CASE WHEN ends_on > ?1 THEN max(starts_on, ?1) ELSE ends_on END
            WHERE id = ?2
            """, [today.iso, campaignID])
    }

    /// Campaigns that cover at least one of `unitIDs`, newest first: what a district or commune account sees.
    public func campaigns(coveringAnyOf unitIDs: Set<Int64>) throws -> [CampaignRecord] {
        // The ids travel as one bound JSON array, so the statement is the same whatever the scope's size.
        let list = "[" + unitIDs.sorted().map(String.init).joined(separator: ",") + "]"
        return try connection.query(
            """
            \(Self.columns)
            WHERE c.id IN (SELECT cu.campaign_id FROM campaign_units cu WHERE cu.unit_id IN (SELECT value FROM json_each(?)))
            ORDER BY c.starts_on DESC, c.id DESC
            """, [list]
        ).map(Self.record)
    }

    /// How many units each campaign covers.
    public func unitCounts() throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try connection.query(
            "SELECT campaign_id, count(*) AS units FROM campaign_units GROUP BY campaign_id")
        {
            counts[try row.int64("campaign_id")] = try row.int("units")
        }
        return counts
    }

    /// How many units one campaign covers.
    public func unitCount(campaignID: Int64) throws -> Int {
        try connection.scalar(
            "SELECT count(*) FROM campaign_units WHERE campaign_id = ?", [campaignID],
            as: Int.self) ?? 0
    }

    /// The codes of the units a campaign covers, in code order.
    public func unitCodes(campaignID: Int64) throws -> [String] {
        try connection.query(
            """
            SELECT u.code AS code FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
            WHERE cu.campaign_id = ? ORDER BY u.code
            """, [campaignID]
        ).map { try $0.string("code") }
    }

    /// Rewrites a campaign that is still a draft: wording, dates, rules and units (in the unit set in force on
    /// `today`). Its state stays draft. The form version is kept while the form stays the same; another form
    /// takes that form's latest version. A draft has no answers, so nothing collected changes meaning.
    public func updateDraft(id: Int64, with campaign: NewCampaign, today: LocalDate) throws {
        guard campaign.startsOn <= campaign.endsOn else {
            throw CampaignStoreError(description: "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
        }
        guard let current = try self.campaign(id: id) else {
            throw CampaignStoreError(description: "Không có đợt khảo sát số \(id).")
        }
        guard current.schedule.state == .draft else {
            throw CampaignStoreError(description: "Chỉ sửa được đợt khảo sát còn là bản nháp.")
        }
        let forms = FormStore(connection)
        guard let summary = try forms.forms().first(where: { $0.code == campaign.formCode }),
            let latestID = try forms.latestVersionID(formCode: campaign.formCode)
        else {
            throw CampaignStoreError(description: "Không có mẫu phiếu \(campaign.formCode).")
        }
        let versionID = current.formCode == campaign.formCode ? current.formVersionID : latestID
        let units = UnitStore(connection)
        guard let setID = try units.unitSetID(inForceOn: today) else {
            throw CampaignStoreError(
                description: "Chưa có bộ đơn vị hành chính nào có hiệu lực; hãy nhập danh sách đơn vị trước.")
        }
        // The owner is the draft's: editing never hands a campaign to another unit.
        let owner = try ownerUnit(current.ownerUnitCode, setID: setID, units: units)
        try checkForm(campaign.formCode, usableBy: owner)
        try connection.transaction {
            try connection.run(
                """
                UPDATE campaigns SET form_version_id = ?, unit_set_id = ?, title = ?, starts_on = ?, ends_on = ?,
                       tolerance = ?, busy_floor = ?, window_start = ?, window_end = ?
                WHERE id = ? AND state = 'draft'
                """,
                [
                    versionID, setID, SearchText.clean(campaign.title), campaign.startsOn.iso, campaign.endsOn.iso,
                    Double(campaign.quota.tolerancePerMille) / 1000, campaign.quota.busyFloor,
                    campaign.window.startMinute, campaign.window.endMinute, id,
                ])
            let scopeUnits = try self.units(
                for: campaign.scope, owner: owner, levels: summary.unitLevels, setID: setID, units: units)
            try connection.run("DELETE FROM campaign_units WHERE campaign_id = ?", [id])
            for unitID in scopeUnits {
                try connection.run(
                    "INSERT OR IGNORE INTO campaign_units (campaign_id, unit_id) VALUES (?, ?)",
                    [id, unitID])
            }
        }
    }

    package static let columns = """
        SELECT c.id AS id, c.form_version_id AS form_version_id, f.code AS form_code, c.unit_set_id AS unit_set_id,
               c.title AS title, c.starts_on AS starts_on, c.ends_on AS ends_on, c.state AS state,
               c.tolerance AS tolerance, c.busy_floor AS busy_floor, c.window_start AS window_start,
               c.window_end AS window_end, c.planned_ends_on AS planned_ends_on, f.organisation AS organisation,
               c.owner_unit_code AS owner_unit_code
        FROM campaigns c JOIN form_versions v ON v.id = c.form_version_id JOIN forms f ON f.id = v.form_id
        """

    package static func record(_ row: Row) throws -> CampaignRecord {
        let id = try row.int64("id")
        guard let startsOn = LocalDate(iso: try row.string("starts_on")),
            let endsOn = LocalDate(iso: try row.string("ends_on")),
            let state = CampaignState(rawValue: try row.string("state")),
            let window = ReportingWindow(
                startMinute: try row.int("window_start"),
                endMinute: try row.int("window_end"))
        else {
            throw CampaignStoreError(description: "Đợt khảo sát \(id) có dữ liệu ngày, trạng thái hoặc khung giờ hỏng.")
        }
        return CampaignRecord(
            id: id, formVersionID: try row.int64("form_version_id"), formCode: try row.string("form_code"),
            unitSetID: try row.int64("unit_set_id"), title: try row.string("title"),
            schedule: CampaignSchedule(state: state, startsOn: startsOn, endsOn: endsOn),
            quota: QuotaRule(tolerance: try row.double("tolerance"), busyFloor: try row.int("busy_floor")),
            window: window,
            plannedEndsOn: try row.optionalString("planned_ends_on").flatMap { LocalDate(iso: $0) },
            organisation: try row.string("organisation"),
            ownerUnitCode: try row.optionalString("owner_unit_code"))
    }
}
