import Database

/// The audit entry of a report write (a daily report, a headcount, a late-entry opening), recorded by the store
/// inside the write's own transaction, so no page or API handler can forget it. The door (web or API) comes from
/// how the user signed in, not from the caller.
package struct ReportAudit {
    package let connection: Connection
    package let user: AuthenticatedUser

    /// "trên web" for a browser session, "qua API" for a bearer token.
    package var door: String { user.viaAPIToken ? "qua API" : "trên web" }

    /// Records "`what`, đợt N, đơn vị CODE Name, `more`…, trên web" (or "qua API"), then ". Lý do: …" if given.
    package func record(
        _ action: AuditAction, _ what: String, campaignID: Int64, unitID: Int64, more: [String] = [],
        reason: String? = nil, at now: Int64
    ) throws {
        try record(action, what, campaignIDs: [campaignID], unitID: unitID, more: more, reason: reason, at: now)
    }

    /// The same for a write that concerns several campaigns (a unit's daily report counted by each covering one):
    /// "đợt 3", "các đợt 3 và 5", "các đợt 1, 3 và 5"; none named when the list is empty.
    package func record(
        _ action: AuditAction, _ what: String, campaignIDs: [Int64], unitID: Int64, more: [String] = [],
        reason: String? = nil, at now: Int64
    ) throws {
        let names = campaignIDs.map(String.init)
        let campaigns: [String] =
            switch names.count {
            case 0: []
            case 1: ["đợt \(names[0])"]
            default: ["các đợt \(names.dropLast().joined(separator: ", ")) và \(names[names.count - 1])"]
            }
        let place = try UnitStore(connection).unit(id: unitID).map { "\($0.code) \($0.name)" } ?? "số \(unitID)"
        let parts = [what] + campaigns + ["đơn vị \(place)"] + more + [door]
        let detail = parts.joined(separator: ", ") + (reason.map { ". Lý do: \($0)" } ?? "")
        try AuditLog(connection).record(user, action: action, detail: detail, at: now)
    }
}
