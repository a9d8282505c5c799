import Database
import Survey

/// The unit a dossier is about, by code in the newest unit set that has it: a commune, or a district (its steering
/// committee's dossier).
public struct DossierSubject: Sendable, Hashable {
    public let unitID: Int64
    public let code: String
    public let name: String
    public let kind: DossierSubjectKind
    /// A commune's district; nil for a district.
    public let districtCode: String?
    public let districtName: String?

    /// nil for an unknown code or a unit that is neither a commune nor a district.
    static func find(_ connection: Connection, code: String) throws -> DossierSubject? {
        guard
            let row = try connection.queryOne(
                """
                SELECT u.id AS id, u.name AS name, u.level AS level, d.code AS district_code, d.name AS district_name
                FROM units u LEFT JOIN units d ON d.id = u.parent_id AND d.level = 'district'
                WHERE u.code = ? ORDER BY u.unit_set_id DESC LIMIT 1
                """, [code])
        else { return nil }
        let kind: DossierSubjectKind
        switch try row.string("level") {
        case "commune": kind = .commune
        case "district": kind = .districtCommittee
        default: return nil
        }
        return DossierSubject(
            unitID: try row.int64("id"), code: code, name: try row.string("name"), kind: kind,
            districtCode: kind == .commune ? try row.optionalString("district_code") : nil,
            districtName: kind == .commune ? try row.optionalString("district_name") : nil)
    }

    /// The part the account plays on this unit's dossier; nil outside its scope (a commune's own district
    /// reviews it; a district committee has no reviewer).
    public func actor(for user: AuthenticatedUser) -> DossierActor? {
        switch (user.role, kind) {
        case (.province, _): .province
        case (.district, .commune): districtCode == user.unitCode ? .reviewer : nil
        case (.district, .districtCommittee): code == user.unitCode ? .subject : nil
        case (.commune, .commune): code == user.unitCode ? .subject : nil
        case (.commune, .districtCommittee): nil
        }
    }
}
