import Store
import Survey

/// One entry of `GET /api/v1/campaigns`.
struct APICampaignItem: Encodable, Sendable {
    let id: Int64
    let form: String
    let title: String
    let starts: String
    let ends: String
    /// As the administrator set it: "open" or "closed" (drafts are never listed).
    let state: String
    /// Where the campaign stands today: "sap_mo" (published, not started), "dang_mo", "da_ket_thuc".
    let phase: String

    init(_ record: CampaignRecord, today: LocalDate) {
        id = record.id
        form = record.formCode
        title = record.title
        starts = record.schedule.startsOn.iso
        ends = record.schedule.endsOn.iso
        state = record.schedule.state.rawValue
        phase = Self.code(record.schedule.phase(on: today))
    }

    /// The listing's order (`CampaignStore.all`): newest start first, then the higher id.
    var listPosition: APIListPosition { APIListPosition(.descendingText(starts), .descending(id)) }

    static func code(_ phase: CampaignPhase) -> String {
        switch phase {
        case .notPublished: "chua_cong_bo"
        case .notYetOpen: "sap_mo"
        case .open: "dang_mo"
        case .closed: "da_ket_thuc"
        }
    }
}
