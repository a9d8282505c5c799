import Database
import Survey

/// The weighting of the year's satisfaction index (migration 0018): form code → weight, and the minimum answers a
/// form needs in the year to count. Data the province sets (`set(formCode:weight:)`), shown on the rankings page.
public struct IndexWeights {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public static let standardMinimumAnswers = 30

    /// Every weight stored, by form code.
    public func weights() throws -> [String: Double] {
        var weights: [String: Double] = [:]
        for row in try connection.query("SELECT form_code, weight FROM satisfaction_index_weights") {
            weights[try row.string("form_code")] = try row.double("weight")
        }
        return weights
    }

    /// A missing or unreadable setting falls back to the standard minimum rather than breaking the rankings.
    public func minimumAnswers() throws -> Int {
        guard
            let text: String = try connection.scalar(
                "SELECT value FROM settings WHERE key = 'index_minimum_answers'"),
            let value = Int(text), value >= 1
        else { return Self.standardMinimumAnswers }
        return value
    }

    /// The rule as it stands now.
    public func index() throws -> SatisfactionIndex {
        SatisfactionIndex(weights: try weights(), minimumAnswers: try minimumAnswers())
    }

    /// Sets one form's weight (0 leaves the form out of the index). Refuses a negative or absurd weight and a
    /// form code that is not a form.
    public func set(formCode: String, weight: Double, now: Int64) throws {
        guard weight.isFinite, weight >= 0, weight <= 100 else { throw IndexWeightError.invalidWeight }
        guard try connection.scalar("SELECT 1 FROM forms WHERE code = ?", [formCode], as: Int.self) != nil else {
            throw IndexWeightError.unknownForm
        }
        try connection.run(
            """
            INSERT INTO satisfaction_index_weights (form_code, weight, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (form_code) DO UPDATE SET weight = excluded.weight, updated_at = excluded.updated_at
            """, [formCode, weight, now])
    }

    /// The province's change of the whole weighting at once, checked in full before anything is written, and
    /// written to the audit log ("PKS01=2; PKS02=1; …; tối thiểu 30").
    public func update(
        weights: [String: Double], minimumAnswers: Int, by user: AuthenticatedUser, now: Int64
    ) throws {
        guard user.role == .province else { throw IndexWeightError.forbidden }
        guard weights.values.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 100 }) else {
            throw IndexWeightError.invalidWeight
        }
        guard minimumAnswers >= 1, minimumAnswers <= 100_000 else { throw IndexWeightError.invalidMinimum }
        for code in weights.keys.sorted() { try set(formCode: code, weight: weights[code] ?? 0, now: now) }
        try setMinimumAnswers(minimumAnswers, now: now)
        let detail = weights.keys.sorted().map { "\($0)=\(weights[$0] ?? 0)" }.joined(separator: "; ")
        try AuditLog(connection).record(
            user, action: .indexWeightsChange, detail: "\(detail); tối thiểu \(minimumAnswers)", at: now)
    }

    /// Sets the minimum answers a form needs in the year (at least 1).
    public func setMinimumAnswers(_ minimum: Int, now: Int64) throws {
        guard minimum >= 1, minimum <= 100_000 else { throw IndexWeightError.invalidMinimum }
        try connection.run(
            """
            INSERT INTO settings (key, value, updated_at) VALUES ('index_minimum_answers', ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, [String(minimum), now])
    }
}

/// A refused change of the index's weighting.
public enum IndexWeightError: Error, Sendable, Hashable {
    case invalidWeight
    case invalidMinimum
    case unknownForm
    case forbidden

    public var message: String {
        switch self {
        case .invalidWeight: "Trọng số phải là số từ 0 đến 100."
        case .invalidMinimum: "Số phiếu tối thiểu phải là số nguyên từ 1 đến 100.000."
        case .unknownForm: "Không có mẫu phiếu mang mã này."
        case .forbidden: "Chỉ tài khoản cấp tỉnh được sửa trọng số của chỉ số hài lòng năm."
        }
    }
}
