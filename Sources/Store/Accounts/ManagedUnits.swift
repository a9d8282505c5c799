import Database
import Survey

/// The units a manager may give accounts to, in the unit set in force today: the province every district and
/// commune of its set, a district its own communes, a commune none. Each comes with the role its accounts have (the
/// unit's level), the usual username (`Role.usernamePrefix` + code) and whether it already has an account.
public struct ManagedUnits: Sendable {
    public struct Item: Sendable, Hashable {
        public let unit: UnitRecord
        public let role: Role
        public let hasAccount: Bool

        /// The username the forms propose and bulk creation uses.
        public var proposedUsername: String { role.usernamePrefix + unit.code }
    }

    /// In the order the forms list them: districts, then communes, each by code.
    public let items: [Item]

    public init(actor: AuthenticatedUser, connection: Connection, today: LocalDate) throws {
        let units = UnitStore(connection)
        guard actor.role != .commune, let setID = try units.unitSetID(inForceOn: today) else {
            items = []
            return
        }
        let scope = try UnitScope(user: actor, connection: connection)
        var candidates: [(UnitRecord, Role)] = []
        for role in [Role.district, Role.commune] where actor.role.manages(role) {
            for unit in try units.units(inSet: setID, level: role.rawValue) where scope.contains(unitID: unit.id) {
                candidates.append((unit, role))
            }
        }
        let withAccounts = Set(try UserStore(connection).users(inUnits: scope.unitIDs).map(\.unitID))
        items = candidates.map { Item(unit: $0.0, role: $0.1, hasAccount: withAccounts.contains($0.0.id)) }
    }

    /// The unit with this code, if the manager may give it an account.
    public func item(code: String) -> Item? {
        items.first { $0.unit.code == code }
    }

    /// The units without any account yet (what bulk creation offers).
    public var withoutAccount: [Item] {
        items.filter { !$0.hasAccount }
    }
}
