import Survey

/// One commune's year (`/admin/years/{year}/communes/{code}`): every published campaign of the year that covered
/// it, grouped by form (every form of the catalogue appears, with or without a campaign), the year's index, the
/// trend by quarter, report punctuality and the suggestion box. Built by `YearStore.communeYear`.
public struct CommuneYear: Sendable {
    /// Report days of a campaign (or of the year) that fall in the year, through today.
    public struct Punctuality: Sendable, Hashable {
        public var onTime = 0
        public var late = 0
        /// No report once the day's window had closed.
        public var missing = 0
        /// Today, window not closed yet: not counted as missing.
        public var notDue = 0

        public var days: Int { onTime + late + missing + notDue }

        mutating func add(_ state: CampaignUnitSummary.ReportState) {
            switch state {
            case .onTime: onTime += 1
            case .late: late += 1
            case .missing: missing += 1
            case .notDue: notDue += 1
            }
        }
    }

    /// One campaign of the year for this commune.
    public struct Campaign: Sendable {
        public let record: CampaignRecord
        /// The commune's row as the campaign's dashboard counts it (campaign-long: quota, satisfaction).
        public let unit: CommuneSummary
        /// Answers dated in the year (all of them unless the campaign spans two years).
        public let answersInYear: Int
        public let punctuality: Punctuality
        public let spansYears: Bool
    }

    /// An evaluative question pooled over the form's campaigns of the year (by question code).
    public struct Question: Sendable, Hashable {
        public let code: String
        /// As the form shows it ("4", "3a").
        public let number: String
        public let label: String
        public let text: String
        public let validAnswers: Int
        public let positiveAnswers: Int

        public var positiveShare: Double? {
            validAnswers > 0 ? Double(positiveAnswers) / Double(validAnswers) : nil
        }
    }

    public struct Form: Sendable {
        public let code: String
        public let title: String
        public let campaigns: [Campaign]
        public let result: SatisfactionIndex.FormResult
        public let questions: [Question]
        public let weight: Double
        /// Whether the form's figures enter the index (weight, minimum answers, a share).
        public let counted: Bool
    }

    public struct Quarter: Sendable, Hashable {
        public let number: Int
        public let answers: Int
        /// Each campaign's share weighted by its answers of the quarter; nil without evaluative answers.
        public let satisfiedShare: Double?
    }

    public struct Suggestions: Sendable, Hashable {
        public let received: Int
        /// With a reply sent.
        public let answered: Int
        public let resolved: Int
    }

    public let year: Int
    public let code: String
    public let name: String
    public let districtCode: String?
    public let districtName: String?
    public let forms: [Form]
    public let index: SatisfactionIndex
    public let outcome: SatisfactionIndex.Outcome
    public let quarters: [Quarter]
    /// Distinct days in the year, through today, on which at least one campaign counted the commune's report.
    public let punctuality: Punctuality
    public let suggestions: Suggestions

    public var campaignCount: Int { forms.reduce(0) { $0 + $1.campaigns.count } }
    public var answers: Int { forms.reduce(0) { $0 + $1.result.answers } }
}
