import Database

/// Which units a user may see and change: province → every unit of its unit set (same unit_set_id as its unit);
/// district → its district unit and the units whose parent is that district; commune → its own unit only.
/// Computed once per request; every page that shows or changes unit data must check it on the server.
public struct UnitScope: Sendable {
    public let unitIDs: Set<Int64>

    public init(user: AuthenticatedUser, connection: Connection) throws {
        switch user.role {
        case .province:
            let rows = try connection.query(
                "SELECT id FROM units WHERE unit_set_id = (SELECT unit_set_id FROM units WHERE id = ?)", [user.unitID])
            unitIDs = Set(try rows.map { try $0.int64("id") })
        case .district:
            let rows = try connection.query("SELECT id FROM units WHERE parent_id = ?", [user.unitID])
            unitIDs = Set(try rows.map { try $0.int64("id") }).union([user.unitID])
        case .commune:
            unitIDs = [user.unitID]
        }
    }

    public func contains(unitID: Int64) -> Bool {
        unitIDs.contains(unitID)
    }
}
