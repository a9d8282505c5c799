/// An opening with the commune it is for, as the district's list of open late entries shows it.
public struct LateEntryListing: Sendable, Hashable {
    public let opening: LateEntryOpening
    public let unitCode: String
    public let unitName: String
}
