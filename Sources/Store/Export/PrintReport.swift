import Database
import Survey

/// The printable report's table, worked out here so the page only writes rows: the units of a scope grouped by
/// district (each district's own one-stop desk first, inside its district, then its communes by code), a subtotal
/// per district and a total over everything, every sum a `UnitTotal` (satisfaction pooled, not averaged).
package struct PrintReport: Sendable {
    package struct Group: Sendable {
        /// nil for units outside any district (a unit set without districts, where there is one group).
        package let districtCode: String?
        package let districtName: String?
        package let units: [CommuneSummary]
        package let subtotal: UnitTotal
    }

    package let groups: [Group]
    package let total: UnitTotal
    /// The per-question table over the report's units (set by `load`).
    package var results: QuestionResults?

    /// Several districts are shown as groups with subtotals; one district (a district's report) or none (a unit
    /// set without districts, a commune's report) is a plain list under the total.
    package var isGrouped: Bool { groups.count > 1 }

    /// `units` in any order: groups by district code, districts in code order and units without a district last.
    package init(_ units: [CommuneSummary], tallies: [Int64: SatisfactionTally], emptyTally: SatisfactionTally?) {
        var byDistrict: [String: [CommuneSummary]] = [:]
        var outside: [CommuneSummary] = []
        for unit in units {
            if let code = unit.districtCode { byDistrict[code, default: []].append(unit) } else { outside.append(unit) }
        }
        var groups = byDistrict.keys.sorted().map { code in
            let members = Self.deskFirst(byDistrict[code] ?? [])
            return Group(
                districtCode: code, districtName: members.first?.districtName ?? code, units: members,
                subtotal: UnitTotal(members, tallies: tallies, emptyTally: emptyTally))
        }
        if !outside.isEmpty {
            let members = Self.deskFirst(outside)
            groups.append(
                Group(
                    districtCode: nil, districtName: nil, units: members,
                    subtotal: UnitTotal(members, tallies: tallies, emptyTally: emptyTally)))
        }
        self.groups = groups
        total = UnitTotal(units, tallies: tallies, emptyTally: emptyTally)
    }

    /// The district-level unit (its own desk, `level == "district"`) heads its group, then the rest by code.
    private static func deskFirst(_ units: [CommuneSummary]) -> [CommuneSummary] {
        units.sorted { ($0.level == "district" ? 0 : 1, $0.code) < ($1.level == "district" ? 0 : 1, $1.code) }
    }

    /// The report of what `scope` sees of a campaign, limited to `unitIDs` (the campaign's units the user may
    /// reach, `CampaignAccess`); nil for an unknown campaign. A district's scope holds its communes and its desk.
    package static func load(
        _ connection: Connection, campaignID: Int64, today: LocalDate, scope: CampaignFigures.Scope,
        unitIDs: Set<Int64>, cache: CounterCache? = nil
    ) throws -> PrintReport? {
        guard
            let figures = try CampaignFigures.load(
                connection, campaignID: campaignID, today: today, scope: scope, cache: cache)
        else { return nil }
        var report = PrintReport(
            figures.communes.filter { unitIDs.contains($0.unitID) }, tallies: figures.tallies,
            emptyTally: figures.layout?.emptyTally())
        // The figures' scope is the report's (`CampaignFigures.Scope(user:)` matches the user's units).
        report.results = QuestionResults(figures: figures)
        return report
    }

    /// Every unit, in the order the report lists them.
    package var units: [CommuneSummary] { groups.flatMap(\.units) }
}
