import Survey

/// What `qcdc-bench-data` generates.
public struct BenchDataPlan: Sendable {
    /// The administrative tree: 2024 style (province → districts → communes) or 2025 style (no districts).
    public enum Tree: String, Sendable, CaseIterable {
        case districts2024 = "2024"
        case flat2025 = "2025"
    }

    public var communes: Int
    public var answers: Int
    public var tree: Tree
    /// Campaign days up to and including `today`.
    public var days: Int
    public var today: LocalDate
    public var now: Int64
    public var suggestionsPerUnit: Int
    /// Answers (with their counters) per transaction.
    public var batchSize: Int
    public var seed: UInt64

    public init(
        communes: Int, answers: Int, tree: Tree = .districts2024, days: Int = 30, today: LocalDate,
        now: Int64, suggestionsPerUnit: Int = 3, batchSize: Int = 50_000, seed: UInt64 = 2024
    ) {
        self.communes = communes
        self.answers = answers
        self.tree = tree
        self.days = days
        self.today = today
        self.now = now
        self.suggestionsPerUnit = suggestionsPerUnit
        self.batchSize = batchSize
        self.seed = seed
    }

    /// The demo province's unit list stands in for "209 communes, 2024 tree": the figures then match what a real
    /// province sees.
    var usesDemoProvince: Bool { communes == 209 && tree == .districts2024 }

    /// Checks the numbers before anything is written.
    public func validate() throws(BenchDataError) {
        guard (1...89_999).contains(communes) else {
            throw BenchDataError(description: "Số xã phải từ 1 đến 89.999 (mã xã có 5 chữ số).")
        }
        guard answers >= 0, answers <= 100_000_000 else {
            throw BenchDataError(description: "Số câu trả lời phải từ 0 đến 100.000.000.")
        }
        guard (1...366).contains(days) else {
            throw BenchDataError(description: "Số ngày của đợt khảo sát phải từ 1 đến 366.")
        }
        guard (0...100).contains(suggestionsPerUnit) else {
            throw BenchDataError(description: "Số góp ý mỗi đơn vị phải từ 0 đến 100.")
        }
        guard batchSize >= 1 else {
            throw BenchDataError(description: "Cỡ mỗi giao dịch phải lớn hơn 0.")
        }
    }
}
