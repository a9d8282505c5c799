import Survey

/// A commune (or a district committee) in the year's list of dossiers, with or without one: state, totals per
/// stage, missing required documents and the decision.
public struct DossierListItem: Sendable, Hashable {
    public let code: String
    public let name: String
    public let districtCode: String?
    public let districtName: String?
    /// nil: no dossier started.
    public let state: DossierState?
    public let selfTotal: Double?
    public let districtTotal: Double?
    public let provinceTotal: Double?
    /// The pass rule on the points the decision rests on (province's, else district's, else self).
    public let passes: Bool?
    /// Titles of the required documents not present.
    public let missingDocuments: [String]
    public let recognised: Bool?
    public let decisionNumber: String?
    public let decisionDate: LocalDate?

    /// The total the decision rests on.
    public var finalTotal: Double? { provinceTotal ?? districtTotal ?? selfTotal }

    /// The state as the list, its export and the API name it, a unit without a dossier included.
    public var stateLabel: String { state?.label ?? "Chưa lập hồ sơ" }
}

/// The share of a district's communes (or the province's) recognised, against the yearly target.
public struct RecognitionShare: Sendable, Hashable {
    public let code: String?
    public let name: String
    public let communes: Int
    public let started: Int
    public let submitted: Int
    public let decided: Int
    public let recognised: Int

    public var share: Double? { communes > 0 ? Double(recognised) / Double(communes) : nil }

    /// Whether the share reaches the yearly target (a line without communes counts as 0); the list page marks the
    /// line by it and the API reports it, so the two cannot disagree.
    public func reaches(_ target: Double) -> Bool { (share ?? 0) + 1e-9 >= target }

    static func of(_ items: [DossierListItem], code: String?, name: String) -> RecognitionShare {
        RecognitionShare(
            code: code, name: name, communes: items.count, started: items.count { $0.state != nil },
            submitted: items.count { $0.state != nil && $0.state != .draft && $0.state != .returned },
            decided: items.count { $0.state == .decided }, recognised: items.count { $0.recognised == true })
    }

    /// One line per district (in code order) and the province's line.
    public static func byDistrict(_ items: [DossierListItem]) -> (
        districts: [RecognitionShare], total: RecognitionShare
    ) {
        let groups = Dictionary(grouping: items) { $0.districtCode ?? "" }
        let districts = groups.keys.sorted().map { code in
            let members = groups[code] ?? []
            return of(
                members, code: code.isEmpty ? nil : code, name: members.first?.districtName ?? "Không thuộc huyện")
        }
        return (districts, of(items, code: nil, name: "Toàn tỉnh"))
    }
}
