import Database

/// What the flag signals read of one stored answer: never its free text.
package struct ScannedAnswer: Sendable, Hashable {
    package let id: Int64
    package let submittedAt: Int64
    package let localDate: String
    package let channel: ResponseChannel
    package let fillSeconds: Int
    package let networkHash: String?
    package let deviceHash: String?
    package let hadCookie: Bool
    /// The `choices` column as stored: option ids in question order, comma-separated (the vector's identity).
    package let choices: String
    /// Confirmed stuffing no longer counts for the quota.
    package let confirmed: Bool

    package var optionIDs: [Int64] { choices.split(separator: ",").compactMap { Int64($0) } }

    package init(row: Row) throws {
        id = try row.int64("id")
        submittedAt = try row.int64("submitted_at")
        localDate = try row.string("local_date")
        channel = ResponseChannel(rawValue: try row.string("channel")) ?? .phone
        fillSeconds = try row.int("fill_seconds")
        networkHash = try row.optionalString("network_hash")
        deviceHash = try row.optionalString("device_hash")
        hadCookie = try row.int("had_cookie") == 1
        choices = try row.string("choices")
        confirmed = try row.int("confirmed") == 1
    }

    package init(
        id: Int64, submittedAt: Int64, channel: ResponseChannel = .phone, fillSeconds: Int = 120,
        networkHash: String? = nil, deviceHash: String? = nil, hadCookie: Bool = false, choices: String = "",
        confirmed: Bool = false
    ) {
        self.id = id
        self.submittedAt = submittedAt
        self.localDate = ""
        self.channel = channel
        self.fillSeconds = fillSeconds
        self.networkHash = networkHash
        self.deviceHash = deviceHash
        self.hadCookie = hadCookie
        self.choices = choices
        self.confirmed = confirmed
    }
}

/// One flag the signals found: the answer, the reason, and a short Vietnamese explanation.
package struct FoundFlag: Sendable, Hashable {
    package let responseID: Int64
    package let reason: FlagReason
    package let detail: String
}
