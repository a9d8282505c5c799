import Database
import Survey

/// Campaigns owned by a unit: a district runs campaigns for its communes (and its desk), a commune for itself.
/// The province (no owner) covers any unit, as before. Checked when a campaign is created and when its draft is
/// edited, so a campaign never covers a unit outside its owner's scope.
extension CampaignStore {
    /// The owner unit in the set `setID`; nil for no owner or the province's own code (the province owns by default).
    func ownerUnit(_ code: String?, setID: Int64, units: UnitStore) throws -> UnitRecord? {
        guard let code else { return nil }
        guard let unit = try units.unit(code: code, inSet: setID) else {
            throw CampaignStoreError(description: "Không có đơn vị chủ trì mã \(code) trong bộ đơn vị hiện hành.")
        }
        return unit.level == "province" ? nil : unit
    }

    /// A unit runs campaigns on the province's standard forms and on its own forms; the province on any form.
    func checkForm(_ formCode: String, usableBy owner: UnitRecord?) throws {
        guard let owner else { return }
        let formOwner = try FormStore(connection).owners()[formCode]
        guard FormStore.isUsable(formOwner: formOwner, by: owner.code) else {
            throw CampaignStoreError(
                description:
                    "Mẫu phiếu \(formCode) là mẫu riêng của đơn vị \(formOwner ?? ""); \(owner.name) chỉ dùng được mẫu chuẩn của tỉnh và mẫu của mình."
            )
        }
    }

    /// The units a campaign covers. With an owner, `.all` is the owner's scope, and every unit named must lie in it.
    func units(
        for scope: CampaignScope, owner: UnitRecord?, levels: [String], setID: Int64, units: UnitStore
    ) throws -> [Int64] {
        var resolved = scope
        if let owner, scope == .all {
            resolved = owner.level == "district" ? .districts([owner.code]) : .units([owner.code])
        }
        let ids = try plainUnits(for: resolved, levels: levels, setID: setID, units: units)
        guard !ids.isEmpty else {
            throw CampaignStoreError(description: "Phạm vi khảo sát không có đơn vị nào.")
        }
        guard let owner else { return ids }
        for id in ids where id != owner.id {
            let unit = try units.unit(id: id)
            if owner.level == "district", unit?.parentID == owner.id { continue }
            let code = unit?.code ?? String(id)
            let scopeText = owner.level == "district" ? "các xã, thị trấn của \(owner.name)" : owner.name
            throw CampaignStoreError(
                description:
                    "Đơn vị mã \(code) nằm ngoài phạm vi của \(owner.name) (\(owner.code)): đợt khảo sát của đơn vị chỉ gồm \(scopeText)."
            )
        }
        return ids
    }
}
