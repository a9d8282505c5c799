/// One unit's suggestions of a round by status, for the overview of a district or the province.
public struct DeskUnitCount: Sendable, Hashable {
    public let unit: UnitRecord
    public let new: Int
    public let inProgress: Int
    public let resolved: Int
}
