import Store
import Survey

/// `GET /api/v1/years/{year}/communes/{code}`: the commune's year page (`CommuneYear`) as JSON. Every key is always
/// written, `null` where a value is missing: `satisfaction_index` with `unranked_reason` ("no_answers",
/// "too_few_answers") when there is none, the ranks from the year's rankings (`null` when unranked), the dossier's
/// four fields as in the year's list (`APIYearDossier`), the year's report days and suggestions, the four quarters,
/// and every form of the catalogue with its campaigns of the year (`campaigns` empty for a form without one).
struct APICommuneYear: Encodable, Sendable {
    struct Reports: Encodable, Sendable {
        let onTime: Int
        let late: Int
        let missing: Int
        /// Today, window not closed yet.
        let notDue: Int
        let days: Int

        init(_ punctuality: CommuneYear.Punctuality) {
            onTime = punctuality.onTime
            late = punctuality.late
            missing = punctuality.missing
            notDue = punctuality.notDue
            days = punctuality.days
        }

        enum CodingKeys: String, CodingKey {
            case late, missing, days
            case onTime = "on_time"
            case notDue = "not_due"
        }
    }

    struct Suggestions: Encodable, Sendable {
        let received: Int
        let answered: Int
        let resolved: Int
    }

    struct Quarter: Encodable, Sendable {
        let quarter: Int
        let answers: Int
        let satisfiedShare: Double?

        enum CodingKeys: String, CodingKey {
            case quarter, answers
            case satisfiedShare = "satisfied_share"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(quarter, forKey: .quarter)
            try container.encode(answers, forKey: .answers)
            try container.encode(APIJSON.share(satisfiedShare), forKey: .satisfiedShare)
        }
    }

    struct Campaign: Encodable, Sendable {
        let id: Int64
        let title: String
        let starts: String
        let ends: String
        /// Answers dated in the year.
        let answers: Int
        /// The campaign's whole share (its counters are not dated), as the page shows it.
        let satisfiedShare: Double?
        let quotaStatus: String
        let spansYears: Bool
        let reports: Reports

        init(_ campaign: CommuneYear.Campaign) {
            id = campaign.record.id
            title = campaign.record.title
            starts = campaign.record.schedule.startsOn.iso
            ends = campaign.record.schedule.endsOn.iso
            answers = campaign.answersInYear
            satisfiedShare = campaign.unit.satisfiedShare
            quotaStatus = campaign.unit.quotaStatus.rawValue
            spansYears = campaign.spansYears
            reports = Reports(campaign.punctuality)
        }

        enum CodingKeys: String, CodingKey {
            case id, title, starts, ends, answers, reports
            case satisfiedShare = "satisfied_share"
            case quotaStatus = "quota_status"
            case spansYears = "spans_years"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(starts, forKey: .starts)
            try container.encode(ends, forKey: .ends)
            try container.encode(answers, forKey: .answers)
            try container.encode(APIJSON.share(satisfiedShare), forKey: .satisfiedShare)
            try container.encode(quotaStatus, forKey: .quotaStatus)
            try container.encode(spansYears, forKey: .spansYears)
            try container.encode(reports, forKey: .reports)
        }
    }

    /// An evaluative question pooled over the form's campaigns of the year.
    struct Question: Encodable, Sendable {
        let number: String
        let text: String
        let answers: Int
        let satisfiedShare: Double?

        enum CodingKeys: String, CodingKey {
            case number, text, answers
            case satisfiedShare = "satisfied_share"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(text, forKey: .text)
            try container.encode(answers, forKey: .answers)
            try container.encode(APIJSON.share(satisfiedShare), forKey: .satisfiedShare)
        }
    }

    struct Form: Encodable, Sendable {
        let code: String
        let title: String
        let answers: Int
        let satisfiedShare: Double?
        let weight: Double
        /// Whether the form's figures enter the year's index.
        let counted: Bool
        let campaigns: [Campaign]
        let questions: [Question]

        init(_ form: CommuneYear.Form) {
            code = form.code
            title = form.title
            answers = form.result.answers
            satisfiedShare = form.result.satisfiedShare
            weight = form.weight
            counted = form.counted
            campaigns = form.campaigns.map(Campaign.init)
            questions = form.questions.map {
                Question(number: $0.number, text: $0.text, answers: $0.validAnswers, satisfiedShare: $0.positiveShare)
            }
        }

        enum CodingKeys: String, CodingKey {
            case code, title, answers, weight, counted, campaigns, questions
            case satisfiedShare = "satisfied_share"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(title, forKey: .title)
            try container.encode(answers, forKey: .answers)
            try container.encode(APIJSON.share(satisfiedShare), forKey: .satisfiedShare)
            try container.encode(weight, forKey: .weight)
            try container.encode(counted, forKey: .counted)
            try container.encode(campaigns, forKey: .campaigns)
            try container.encode(questions, forKey: .questions)
        }
    }

    let year: CommuneYear
    let ranks: YearUnitResult?
    let dossier: APIYearDossier?

    init(_ year: CommuneYear, ranks: YearUnitResult?, dossier: APIYearDossier?) {
        self.year = year
        self.ranks = ranks
        self.dossier = dossier
    }

    /// The reason code of an unranked year; nil with an index.
    static func reason(_ outcome: SatisfactionIndex.Outcome) -> String? {
        switch outcome {
        case .index: nil
        case .unranked(.noAnswers): "no_answers"
        case .unranked(.tooFewAnswers): "too_few_answers"
        }
    }

    enum CodingKeys: String, CodingKey {
        case year, code, name, district, answers, reports, suggestions, quarters, forms, recognised
        case districtName = "district_name"
        case satisfactionIndex = "satisfaction_index"
        case unrankedReason = "unranked_reason"
        case minimumAnswers = "minimum_answers"
        case rankInDistrict = "rank_in_district"
        case rankInProvince = "rank_in_province"
        case dossierState = "dossier_state"
        case selfScore = "self_score"
        case districtScore = "district_score"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year.year, forKey: .year)
        try container.encode(year.code, forKey: .code)
        try container.encode(year.name, forKey: .name)
        try container.encode(year.districtCode, forKey: .district)
        try container.encode(year.districtName, forKey: .districtName)
        try container.encode(year.answers, forKey: .answers)
        try container.encode(APIJSON.share(year.outcome.value), forKey: .satisfactionIndex)
        try container.encode(Self.reason(year.outcome), forKey: .unrankedReason)
        try container.encode(year.index.minimumAnswers, forKey: .minimumAnswers)
        try container.encode(ranks?.rankInDistrict, forKey: .rankInDistrict)
        try container.encode(ranks?.rankInProvince, forKey: .rankInProvince)
        try container.encode(Reports(year.punctuality), forKey: .reports)
        try container.encode(
            Suggestions(
                received: year.suggestions.received, answered: year.suggestions.answered,
                resolved: year.suggestions.resolved), forKey: .suggestions)
        try container.encode(
            year.quarters.map {
                Quarter(quarter: $0.number, answers: $0.answers, satisfiedShare: $0.satisfiedShare)
            }, forKey: .quarters)
        try container.encode(year.forms.map(Form.init), forKey: .forms)
        try container.encode(dossier?.state, forKey: .dossierState)
        try container.encode(dossier?.selfScore, forKey: .selfScore)
        try container.encode(dossier?.districtScore, forKey: .districtScore)
        try container.encode(dossier?.recognised, forKey: .recognised)
    }
}
