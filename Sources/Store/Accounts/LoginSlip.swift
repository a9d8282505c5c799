/// What a printed login slip says: the unit, the username and the first password (`LoginSlips` lays it out).
public struct LoginSlip: Sendable, Hashable {
    public let unitName: String
    public let username: String
    public let password: String

    public init(unitName: String, username: String, password: String) {
        self.unitName = unitName
        self.username = username
        self.password = password
    }
}
