import Store
import Survey

/// `GET /api/v1/roster`: the helper roster page's figures, one object per district shown (the province's every
/// district, or the one it names; a district its own; a commune its district with only itself). Each district has
/// its deadline (`null` while unset), its communes in code order with their people and status against the deadline
/// ("da_nop", "nop_muon", "chua_nop", "qua_han": `RosterStore.status`, the page's), and `missing`: the codes of the
/// communes past the deadline with nobody listed, those the page puts first.
struct APIRoster: Encodable, Sendable {
    struct District: Encodable, Sendable {
        let code: String
        let name: String
        @Nullable var deadline: String?
        let deadlinePassed: Bool
        let communes: [Commune]
        let missing: [String]

        init(_ district: UnitRecord, deadline: LocalDate?, communes: [CommuneRoster], today: LocalDate) {
            code = district.code
            name = district.name
            self.deadline = deadline?.iso
            deadlinePassed = deadline.map { today > $0 } ?? false
            let sorted = communes.sorted { $0.unit.code < $1.unit.code }
            self.communes = sorted.map(Commune.init)
            missing = sorted.filter { $0.status == .missing }.map(\.unit.code)
        }
    }

    struct Commune: Encodable, Sendable {
        let code: String
        let name: String
        let status: String
        let entries: [Entry]

        init(_ roster: CommuneRoster) {
            code = roster.unit.code
            name = roster.unit.name
            status = Self.status(roster.status)
            entries = roster.entries.map(Entry.init)
        }

        static func status(_ status: CommuneRoster.Status) -> String {
            switch status {
            case .listed: "da_nop"
            case .late: "nop_muon"
            case .pending: "chua_nop"
            case .missing: "qua_han"
            }
        }
    }

    struct Entry: Encodable, Sendable {
        let id: Int64
        let name: String
        let organisation: String
        let days: String
        let addedAt: String

        init(_ entry: RosterEntry) {
            id = entry.id
            name = entry.name
            organisation = entry.organisation
            days = entry.days
            addedAt = VietnamTime.timestampText(at: entry.addedAt)
        }
    }

    let today: String
    let districts: [District]
}
