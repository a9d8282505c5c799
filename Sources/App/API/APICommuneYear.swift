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
    }

    struct Suggestions: Encodable, Sendable {
        let received: Int
        let answered: Int
        let resolved: Int
    }

    struct Quarter: Encodable, Sendable {
        let quarter: Int
        let answers: Int
        @Nullable var satisfiedShare: Double?

        init(_ quarter: CommuneYear.Quarter) {
            self.quarter = quarter.number
            answers = quarter.answers
            satisfiedShare = APIJSON.share(quarter.satisfiedShare)
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
        @Nullable var satisfiedShare: Double?
        let quotaStatus: String
        let spansYears: Bool
        let reports: Reports

        init(_ campaign: CommuneYear.Campaign) {
            id = campaign.record.id
            title = campaign.record.title
            starts = campaign.record.schedule.startsOn.iso
            ends = campaign.record.schedule.endsOn.iso
            answers = campaign.answersInYear
            satisfiedShare = APIJSON.share(campaign.unit.satisfiedShare)
            quotaStatus = campaign.unit.quotaStatus.rawValue
            spansYears = campaign.spansYears
            reports = Reports(campaign.punctuality)
        }
    }

    /// An evaluative question pooled over the form's campaigns of the year.
    struct Question: Encodable, Sendable {
        let number: String
        let text: String
        let answers: Int
        @Nullable var satisfiedShare: Double?

        init(_ question: CommuneYear.Question) {
            number = question.number
            text = question.text
            answers = question.validAnswers
            satisfiedShare = APIJSON.share(question.positiveShare)
        }
    }

    struct Form: Encodable, Sendable {
        let code: String
        let title: String
        let answers: Int
        @Nullable var satisfiedShare: Double?
        let weight: Double
        /// Whether the form's figures enter the year's index.
        let counted: Bool
        let campaigns: [Campaign]
        let questions: [Question]

        init(_ form: CommuneYear.Form) {
            code = form.code
            title = form.title
            answers = form.result.answers
            satisfiedShare = APIJSON.share(form.result.satisfiedShare)
            weight = form.weight
            counted = form.counted
            campaigns = form.campaigns.map(Campaign.init)
            questions = form.questions.map(Question.init)
        }
    }

    let year: Int
    let code: String
    let name: String
    @Nullable var district: String?
    @Nullable var districtName: String?
    let answers: Int
    @Nullable var satisfactionIndex: Double?
    @Nullable var unrankedReason: String?
    let minimumAnswers: Int
    @Nullable var rankInDistrict: Int?
    @Nullable var rankInProvince: Int?
    let reports: Reports
    let suggestions: Suggestions
    let quarters: [Quarter]
    let forms: [Form]
    @Nullable var dossierState: String?
    @Nullable var selfScore: Double?
    @Nullable var districtScore: Double?
    @Nullable var recognised: Bool?

    init(_ year: CommuneYear, ranks: YearUnitResult?, dossier: APIYearDossier?) {
        self.year = year.year
        code = year.code
        name = year.name
        district = year.districtCode
        districtName = year.districtName
        answers = year.answers
        satisfactionIndex = APIJSON.share(year.outcome.value)
        unrankedReason = Self.reason(year.outcome)
        minimumAnswers = year.index.minimumAnswers
        rankInDistrict = ranks?.rankInDistrict
        rankInProvince = ranks?.rankInProvince
        reports = Reports(year.punctuality)
        suggestions = Suggestions(
            received: year.suggestions.received, answered: year.suggestions.answered,
            resolved: year.suggestions.resolved)
        quarters = year.quarters.map(Quarter.init)
        forms = year.forms.map(Form.init)
        dossierState = dossier?.state
        selfScore = dossier?.selfScore
        districtScore = dossier?.districtScore
        recognised = dossier?.recognised
    }

    /// The reason code of an unranked year; nil with an index.
    static func reason(_ outcome: SatisfactionIndex.Outcome) -> String? {
        switch outcome {
        case .index: nil
        case .unranked(.noAnswers): "no_answers"
        case .unranked(.tooFewAnswers): "too_few_answers"
        }
    }
}
