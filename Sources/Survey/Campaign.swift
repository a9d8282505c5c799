/// The publication state an administrator sets; the dates decide the rest.
public enum CampaignState: String, Sendable, Hashable, CaseIterable {
    case draft, open, closed

    public var label: String {
        switch self {
        case .draft: "Bản nháp"
        case .open: "Đang mở"
        case .closed: "Đã đóng"
        }
    }
}

/// Where a campaign stands on a given local day.
public enum CampaignPhase: Sendable, Hashable {
    case notPublished
    case notYetOpen
    case open
    /// Past its end date, or closed by hand.
    case closed

    public var acceptsAnswers: Bool { self == .open }
}

public struct CampaignSchedule: Sendable, Hashable {
    public let state: CampaignState
    public let startsOn: LocalDate
    public let endsOn: LocalDate

    public init(state: CampaignState, startsOn: LocalDate, endsOn: LocalDate) {
        self.state = state
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    /// Opening and closing follow the local dates: open from the first minute of `startsOn` to the last of `endsOn`.
    public func phase(on day: LocalDate) -> CampaignPhase {
        switch state {
        case .draft: return .notPublished
        case .closed: return .closed
        case .open:
            if day < startsOn { return .notYetOpen }
            if day > endsOn { return .closed }
            return .open
        }
    }

    /// Every day of the campaign, in order.
    public var days: [LocalDate] {
        guard startsOn <= endsOn else { return [] }
        return (0...startsOn.days(until: endsOn)).map { startsOn.adding(days: $0) }
    }
}
