import Store

/// Every address of the site, as a value. One enum both prints links (`path`, `href(_:)`) and matches requests
/// (`init?(path:)`, and `Template`, whose raw values are the router's patterns), so a link can never point at a
/// page that does not exist: `SiteRouteTests` prints and parses every template back to itself. Paths are written
/// here and nowhere else.
public enum SiteRoute: Hashable, Sendable {
    // The citizen's side and what needs no login.
    case health
    /// Readiness for a load balancer: 503 unless the database takes a write and its schema is current.
    case readiness
    /// Prometheus metrics: loopback or a province token, a 404 for anyone else.
    case metrics
    /// What the portal stores about citizens, and for how long.
    case privacy
    case root
    case about
    case asset(path: String)
    case landing(unit: String)
    case kioskLink(token: String)
    case answer(campaign: Int64, unit: String)
    case thanks(campaign: Int64, unit: String)
    case suggestionBox(unit: String)
    case suggestionReceipt(unit: String, lookup: String)
    /// The suggestion box's "look up a reply" field (`?ma=CODE`): on to the receipt of that code.
    case suggestionLookup(unit: String)
    case qrSheet
    /// `file` is the unit code with `.svg` or `.png`.
    case qrImage(file: String)
    case qrPoster(unit: String)

    // The steering committees' console.
    case adminHome
    /// Today's board: who has filed today's one daily report, across every open campaign (`?district=` for the
    /// province).
    case today
    case adminStylesheet
    case login
    case logout
    case password
    case users
    case resetPassword(user: Int64)
    case newUser
    case bulkUsers
    case disableUser(user: Int64)
    case enableUser(user: Int64)
    case loginSlip(slip: Int64)
    case audit
    case campaigns
    case newCampaign
    case dashboard(campaign: Int64)
    /// One unit's page in a campaign (`unit` is its code): its figures, questions, answers per day and reports.
    case campaignUnit(campaign: Int64, unit: String)
    /// A unit's flagged answers in a campaign (province, and the unit's district for reading).
    case unitFlags(campaign: Int64, unit: String)
    /// A unit's free-text answers (`?date=YYYY-MM-DD`).
    case unitTexts(campaign: Int64, unit: String)
    /// The province confirms or clears one flagged answer (`action=confirm|clear`).
    case reviewFlag(campaign: Int64, unit: String, response: Int64)
    /// A unit's desk hours, for the off-hours flag (province).
    case unitDeskHours(unit: String)
    /// A unit's suggestion rounds (Đợt 1–4 by date) and whether its box takes suggestions between them.
    case suggestionRounds(unit: String)
    case editCampaign(campaign: Int64)
    case openCampaign(campaign: Int64)
    case closeCampaign(campaign: Int64)
    case dailyReport(campaign: Int64)
    case lateEntry(campaign: Int64)
    case lateEntryOpening(campaign: Int64, opening: Int64)
    /// The unit's one daily report, whichever campaigns count it (`?date=` for a day opened for late entry).
    case unitReport
    /// The late-entry openings in force in the user's scope, each with a close button.
    case lateEntries
    case closeLateEntry(opening: Int64)
    case exportXLSX(campaign: Int64)
    case exportCSV(campaign: Int64)
    case printReport(campaign: Int64)
    case forms
    case newFormVersion(form: String)
    /// A unit's own form (issue 14): create one, build its questions (a new version once a campaign uses it),
    /// see it as a citizen does.
    case newForm
    case buildForm(form: String)
    case previewForm(form: String)
    case kiosk
    case suggestions
    case weeklySuggestions
    case deskStylesheet
    case suggestion(id: Int64)
    case replyToSuggestion(id: Int64)
    case suggestionStatus(id: Int64)
    case suggestionCategory(id: Int64)
    /// One commune's year across campaigns (`unit` is its code).
    case communeYear(year: Int, unit: String)
    /// The year's rankings of communes and districts by the satisfaction index (`?district=CODE`).
    case yearRankings(year: Int)
    /// The province's change of the index's weights (back to the year's rankings).
    case indexWeights(year: Int)
    /// The navigation's way in to the recognition dossiers: the current year's list (a commune: its dossier).
    case dossierHome
    /// The year's dossiers in the user's scope (a commune is sent to its own).
    case dossiers(year: Int)
    /// One unit's dossier of the year (`unit` is its code): opening it as the commune starts the draft.
    case dossier(year: Int, unit: String)
    /// Scores at the stage the dossier's state allows (self, district, province).
    case dossierScores(year: Int, unit: String)
    /// A step of the dossier's path (`action=submit|return|forward|decide`).
    case dossierStep(year: Int, unit: String)
    /// Uploads a document to the dossier (multipart: `kind`, `file`, `csrf`): the only route with large bodies.
    case dossierDocuments(year: Int, unit: String)
    /// Downloads one of the dossier's documents (as an attachment, to users whose scope covers the unit).
    case dossierDocument(year: Int, unit: String, document: Int64)
    /// Removes a document from the dossier (the uploader's side, while it may still change the dossier).
    case removeDossierDocument(year: Int, unit: String, document: Int64)
    case dossiersExport(year: Int)
    /// The printable list for the decision: recognised communes by district, with scores.
    case dossiersPrint(year: Int)
    /// The signed-in account's own API tokens: name, scope, expiry, last use, revoke.
    case apiTokens
    /// Revokes one of the account's own API tokens.
    case revokeAPIToken(id: Int64)
    /// The criteria sets (province).
    case criteriaSets
    /// One criteria set: its contents, and the edit form while no dossier uses it.
    case criteriaSet(id: Int64)
    /// Copies a set into a new, editable version.
    case copyCriteriaSet(id: Int64)

    // What communes report, read by those above (issue 15).
    /// The daily reports of the communes in the user's scope on a day (`?date=`, the province `?district=CODE`).
    case communeReports
    /// One unit's report of a day (`date` as YYYY-MM-DD): contents, versions, photos, replies and the reply form.
    case communeReport(unit: String, date: String)
    /// A reply of the district or province to that report (back to it).
    case replyToReport(unit: String, date: String)
    /// Attaches one photo of the day's outreach to the user's own unit's report of a day (multipart: `csrf`,
    /// `date`, `file`): one of the routes with large bodies.
    case reportPhotos
    /// One photo of a unit's day, shown inline (JPEG or PNG, nosniff) to users whose scope covers the unit.
    case reportPhoto(unit: String, date: String, photo: Int64)
    /// The helper roster: a commune's people on duty (it adds them here), a district's deadline and who is missing
    /// it (the province: `?district=CODE`).
    case roster
    /// A commune removes one person from its roster.
    case removeRosterEntry(entry: Int64)
    /// A district sets the date by which its communes list their helpers.
    case rosterDeadline
    /// Six-month and annual reports (`?year=`): the unit's own with the filing form (multipart: `csrf`, `period`,
    /// the figures, `file`; a large-body route), and who below has not filed.
    case periodicReports
    /// A periodic report's document, as an attachment, to the unit and those above it.
    case periodicReportDocument(report: Int64)

    // The JSON API.
    /// The API's OpenAPI 3.1 document (`api/openapi.json`, embedded): the one `/api` address without a token.
    case apiDocument
    case apiMe
    case apiCampaigns
    case apiCommunes(campaign: Int64)
    case apiSummary(campaign: Int64)
    case apiReport(campaign: Int64, unit: String, date: String)
    /// A unit's flagged answers (`?unit=CODE`).
    case apiFlags(campaign: Int64)
    /// Per-question results (`?unit=CODE` or `?district=CODE`).
    case apiQuestions(campaign: Int64)
    case apiYearCommunes(year: Int)
    /// One unit's figures in a campaign with its day-by-day series (the unit's page).
    case apiCommune(campaign: Int64, unit: String)
    /// Answers per day over the caller's scope (the dashboard's chart).
    case apiDays(campaign: Int64)
    /// The roll-up per district over the caller's scope (the province's dashboard).
    case apiDistricts(campaign: Int64)
    /// Satisfaction per question over the caller's scope (the dashboard's question table).
    case apiSatisfaction(campaign: Int64)
    /// The districts' lines of the year's rankings in the caller's scope.
    case apiYearDistricts(year: Int)
    /// A commune's year (the commune's year page).
    case apiYearCommune(year: Int, unit: String)
    /// Today's daily reports across open campaigns (`?district=CODE`; the today board).
    case apiToday
    /// The suggestion desk's week per box (`?week=YYYY-MM-DD&district=CODE`; the weekly summary's table).
    case apiWeeklySuggestions
    /// The week's suggestions by the desk's classification (the weekly summary's second table).
    case apiWeeklySuggestionTopics
    /// Per box in scope, a round's suggestions by status (`?year=&round=`; the desk list's overview).
    case apiSuggestionCounts
    /// The year's recognition dossiers, one line per row of the list page (`?district=CODE`).
    case apiDossiers(year: Int)
    /// The list page's share of communes recognised per district against the yearly target (`?district=CODE`).
    case apiDossierShares(year: Int)
    /// The communes' daily reports of a day in the caller's scope (`?date=`, `?district=CODE`; the reading list).
    case apiCommuneReports
    /// One unit's report of a day with its versions, replies and photos (the reading page).
    case apiCommuneReport(unit: String, date: String)
    /// The helper roster: deadline, each commune's people and who is missing it (`?district=CODE`).
    case apiRoster
    /// Six-month and annual reports of a year: filings and who has not filed (`?year=`, `?district=CODE`).
    case apiPeriodicReports

    /// The router's pattern of each route: literal segments, `:name` parameters, a final `*name` for the rest.
    public enum Template: String, CaseIterable, Sendable {
        case health = "/healthz"
        case readiness = "/readyz"
        case metrics = "/metrics"
        case privacy = "/rieng-tu"
        case root = "/"
        case about = "/gioi-thieu"
        case asset = "/static/*path"
        case landing = "/q/:code"
        case kioskLink = "/k/:token"
        case answer = "/s/:campaign/:unit"
        case thanks = "/s/:campaign/:unit/thanks"
        case suggestionBox = "/g/:code"
        case suggestionReceipt = "/g/:code/:lookup"
        case suggestionLookup = "/g/:code/tra-cuu"
        case qrSheet = "/qr/sheet"
        case qrImage = "/qr/:code"
        case qrPoster = "/qr/:code/poster"

        case adminHome = "/admin"
        case today = "/admin/today"
        case adminStylesheet = "/admin/admin.css"
        case login = "/admin/login"
        case logout = "/admin/logout"
        case password = "/admin/password"
        case users = "/admin/users"
        case resetPassword = "/admin/users/:id/reset"
        case newUser = "/admin/users/new"
        case bulkUsers = "/admin/users/bulk"
        case disableUser = "/admin/users/:id/disable"
        case enableUser = "/admin/users/:id/enable"
        case loginSlip = "/admin/users/slips/:slip"
        case audit = "/admin/audit"
        case campaigns = "/admin/campaigns"
        case newCampaign = "/admin/campaigns/new"
        case dashboard = "/admin/campaigns/:campaign"
        case campaignUnit = "/admin/campaigns/:campaign/units/:code"
        case unitFlags = "/admin/campaigns/:campaign/units/:code/flags"
        case unitTexts = "/admin/campaigns/:campaign/units/:code/texts"
        case reviewFlag = "/admin/campaigns/:campaign/units/:code/flags/:response"
        case unitDeskHours = "/admin/units/:code/desk-hours"
        case suggestionRounds = "/admin/units/:code/rounds"
        case editCampaign = "/admin/campaigns/:campaign/edit"
        case openCampaign = "/admin/campaigns/:campaign/open"
        case closeCampaign = "/admin/campaigns/:campaign/close"
        case dailyReport = "/admin/campaigns/:campaign/report"
        case lateEntry = "/admin/campaigns/:campaign/late"
        case lateEntryOpening = "/admin/campaigns/:campaign/late/:opening"
        case unitReport = "/admin/report"
        case lateEntries = "/admin/late"
        case closeLateEntry = "/admin/late/:opening/close"
        case exportXLSX = "/admin/campaigns/:campaign/export.xlsx"
        case exportCSV = "/admin/campaigns/:campaign/export.csv"
        case printReport = "/admin/campaigns/:campaign/print"
        case forms = "/admin/forms"
        case newFormVersion = "/admin/forms/:code/new-version"
        case newForm = "/admin/forms/new"
        case buildForm = "/admin/forms/:code/build"
        case previewForm = "/admin/forms/:code/preview"
        case kiosk = "/admin/kiosk"
        case suggestions = "/admin/suggestions"
        case weeklySuggestions = "/admin/suggestions/weekly"
        case deskStylesheet = "/admin/desk.css"
        case suggestion = "/admin/suggestions/:id"
        case replyToSuggestion = "/admin/suggestions/:id/reply"
        case suggestionStatus = "/admin/suggestions/:id/status"
        case suggestionCategory = "/admin/suggestions/:id/category"
        case communeYear = "/admin/years/:year/communes/:code"
        case yearRankings = "/admin/years/:year/rankings"
        case indexWeights = "/admin/years/:year/weights"
        case dossierHome = "/admin/dossiers"
        case dossiers = "/admin/dossiers/:year"
        case dossier = "/admin/dossiers/:year/:code"
        case dossierScores = "/admin/dossiers/:year/:code/scores"
        case dossierStep = "/admin/dossiers/:year/:code/step"
        case dossierDocuments = "/admin/dossiers/:year/:code/documents"
        case dossierDocument = "/admin/dossiers/:year/:code/documents/:id"
        case removeDossierDocument = "/admin/dossiers/:year/:code/documents/:id/remove"
        case dossiersExport = "/admin/dossiers/:year/export.xlsx"
        case dossiersPrint = "/admin/dossiers/:year/print"
        case apiTokens = "/admin/tokens"
        case revokeAPIToken = "/admin/tokens/:id/revoke"
        case criteriaSets = "/admin/criteria"
        case criteriaSet = "/admin/criteria/:id"
        case copyCriteriaSet = "/admin/criteria/:id/copy"
        case communeReports = "/admin/reports"
        case communeReport = "/admin/reports/:code/:date"
        case replyToReport = "/admin/reports/:code/:date/reply"
        case reportPhotos = "/admin/report/photos"
        case reportPhoto = "/admin/reports/:code/:date/photos/:id"
        case roster = "/admin/roster"
        case removeRosterEntry = "/admin/roster/:id/remove"
        case rosterDeadline = "/admin/roster/deadline"
        case periodicReports = "/admin/periodic-reports"
        case periodicReportDocument = "/admin/periodic-reports/:id"

        case apiDocument = "/api/v1/openapi.json"
        case apiMe = "/api/v1/me"
        case apiCampaigns = "/api/v1/campaigns"
        case apiCommunes = "/api/v1/campaigns/:id/communes"
        case apiSummary = "/api/v1/campaigns/:id/summary"
        case apiReport = "/api/v1/campaigns/:id/communes/:code/reports/:date"
        case apiFlags = "/api/v1/campaigns/:id/flags"
        case apiQuestions = "/api/v1/campaigns/:id/questions"
        case apiYearCommunes = "/api/v1/years/:year/communes"
        case apiCommune = "/api/v1/campaigns/:id/communes/:code"
        case apiDays = "/api/v1/campaigns/:id/days"
        case apiDistricts = "/api/v1/campaigns/:id/districts"
        case apiSatisfaction = "/api/v1/campaigns/:id/satisfaction"
        case apiYearDistricts = "/api/v1/years/:year/districts"
        case apiYearCommune = "/api/v1/years/:year/communes/:code"
        case apiToday = "/api/v1/today"
        case apiWeeklySuggestions = "/api/v1/suggestions/weekly"
        case apiWeeklySuggestionTopics = "/api/v1/suggestions/weekly/topics"
        case apiSuggestionCounts = "/api/v1/suggestions/counts"
        case apiDossiers = "/api/v1/years/:year/dossiers"
        case apiDossierShares = "/api/v1/years/:year/dossiers/shares"
        case apiCommuneReports = "/api/v1/reports"
        case apiCommuneReport = "/api/v1/reports/:code/:date"
        case apiRoster = "/api/v1/roster"
        case apiPeriodicReports = "/api/v1/periodic-reports"
    }

    public var template: Template {
        switch self {
        case .health: .health
        case .readiness: .readiness
        case .metrics: .metrics
        case .privacy: .privacy
        case .root: .root
        case .about: .about
        case .asset: .asset
        case .landing: .landing
        case .kioskLink: .kioskLink
        case .answer: .answer
        case .thanks: .thanks
        case .suggestionBox: .suggestionBox
        case .suggestionReceipt: .suggestionReceipt
        case .suggestionLookup: .suggestionLookup
        case .qrSheet: .qrSheet
        case .qrImage: .qrImage
        case .qrPoster: .qrPoster
        case .adminHome: .adminHome
        case .today: .today
        case .adminStylesheet: .adminStylesheet
        case .login: .login
        case .logout: .logout
        case .password: .password
        case .users: .users
        case .resetPassword: .resetPassword
        case .newUser: .newUser
        case .bulkUsers: .bulkUsers
        case .disableUser: .disableUser
        case .enableUser: .enableUser
        case .loginSlip: .loginSlip
        case .audit: .audit
        case .campaigns: .campaigns
        case .newCampaign: .newCampaign
        case .dashboard: .dashboard
        case .campaignUnit: .campaignUnit
        case .unitFlags: .unitFlags
        case .unitTexts: .unitTexts
        case .reviewFlag: .reviewFlag
        case .unitDeskHours: .unitDeskHours
        case .suggestionRounds: .suggestionRounds
        case .editCampaign: .editCampaign
        case .openCampaign: .openCampaign
        case .closeCampaign: .closeCampaign
        case .dailyReport: .dailyReport
        case .lateEntry: .lateEntry
        case .lateEntryOpening: .lateEntryOpening
        case .unitReport: .unitReport
        case .lateEntries: .lateEntries
        case .closeLateEntry: .closeLateEntry
        case .exportXLSX: .exportXLSX
        case .exportCSV: .exportCSV
        case .printReport: .printReport
        case .forms: .forms
        case .newFormVersion: .newFormVersion
        case .newForm: .newForm
        case .buildForm: .buildForm
        case .previewForm: .previewForm
        case .kiosk: .kiosk
        case .suggestions: .suggestions
        case .weeklySuggestions: .weeklySuggestions
        case .deskStylesheet: .deskStylesheet
        case .suggestion: .suggestion
        case .replyToSuggestion: .replyToSuggestion
        case .suggestionStatus: .suggestionStatus
        case .suggestionCategory: .suggestionCategory
        case .apiDocument: .apiDocument
        case .apiMe: .apiMe
        case .apiCampaigns: .apiCampaigns
        case .apiCommunes: .apiCommunes
        case .apiSummary: .apiSummary
        case .apiReport: .apiReport
        case .apiFlags: .apiFlags
        case .apiQuestions: .apiQuestions
        case .communeYear: .communeYear
        case .yearRankings: .yearRankings
        case .indexWeights: .indexWeights
        case .apiYearCommunes: .apiYearCommunes
        case .apiCommune: .apiCommune
        case .apiDays: .apiDays
        case .apiDistricts: .apiDistricts
        case .apiSatisfaction: .apiSatisfaction
        case .apiYearDistricts: .apiYearDistricts
        case .apiYearCommune: .apiYearCommune
        case .apiToday: .apiToday
        case .apiWeeklySuggestions: .apiWeeklySuggestions
        case .apiWeeklySuggestionTopics: .apiWeeklySuggestionTopics
        case .apiSuggestionCounts: .apiSuggestionCounts
        case .apiDossiers: .apiDossiers
        case .apiDossierShares: .apiDossierShares
        case .dossierHome: .dossierHome
        case .dossiers: .dossiers
        case .dossier: .dossier
        case .dossierScores: .dossierScores
        case .dossierStep: .dossierStep
        case .dossierDocuments: .dossierDocuments
        case .dossierDocument: .dossierDocument
        case .removeDossierDocument: .removeDossierDocument
        case .dossiersExport: .dossiersExport
        case .dossiersPrint: .dossiersPrint
        case .apiTokens: .apiTokens
        case .revokeAPIToken: .revokeAPIToken
        case .criteriaSets: .criteriaSets
        case .criteriaSet: .criteriaSet
        case .copyCriteriaSet: .copyCriteriaSet
        case .communeReports: .communeReports
        case .communeReport: .communeReport
        case .replyToReport: .replyToReport
        case .reportPhotos: .reportPhotos
        case .reportPhoto: .reportPhoto
        case .roster: .roster
        case .removeRosterEntry: .removeRosterEntry
        case .rosterDeadline: .rosterDeadline
        case .periodicReports: .periodicReports
        case .periodicReportDocument: .periodicReportDocument
        case .apiCommuneReports: .apiCommuneReports
        case .apiCommuneReport: .apiCommuneReport
        case .apiRoster: .apiRoster
        case .apiPeriodicReports: .apiPeriodicReports
        }
    }

    /// The values of the template's parameters, in the template's order, not yet percent-encoded.
    public var arguments: [String] {
        switch self {
        case .health, .readiness, .metrics, .privacy, .root, .about, .qrSheet, .adminHome, .today, .adminStylesheet,
            .login, .logout, .password, .users,
            .audit, .campaigns, .newCampaign, .forms, .newForm, .kiosk, .suggestions, .weeklySuggestions,
            .deskStylesheet,
            .apiDocument, .apiMe, .apiCampaigns, .newUser, .bulkUsers, .dossierHome, .criteriaSets, .apiTokens,
            .apiToday, .apiWeeklySuggestions, .apiWeeklySuggestionTopics, .apiSuggestionCounts:
            []
        case .asset(let path): [path]
        case .landing(let unit), .suggestionBox(let unit), .suggestionLookup(let unit), .qrPoster(let unit),
            .unitDeskHours(let unit), .suggestionRounds(let unit):
            [unit]
        case .kioskLink(let token): [token]
        case .qrImage(let file): [file]
        case .newFormVersion(let form), .buildForm(let form), .previewForm(let form): [form]
        case .answer(let campaign, let unit), .thanks(let campaign, let unit): [String(campaign), unit]
        case .suggestionReceipt(let unit, let lookup): [unit, lookup]
        case .disableUser(let id), .enableUser(let id), .loginSlip(let id): [String(id)]
        case .resetPassword(let id), .suggestion(let id), .replyToSuggestion(let id), .suggestionStatus(let id),
            .suggestionCategory(let id):
            [String(id)]
        case .dashboard(let campaign), .editCampaign(let campaign), .openCampaign(let campaign),
            .closeCampaign(let campaign), .dailyReport(let campaign), .lateEntry(let campaign),
            .exportXLSX(let campaign), .exportCSV(let campaign), .printReport(let campaign),
            .apiCommunes(let campaign), .apiSummary(let campaign), .apiFlags(let campaign),
            .apiQuestions(let campaign), .apiDays(let campaign), .apiDistricts(let campaign),
            .apiSatisfaction(let campaign):
            [String(campaign)]
        case .apiCommune(let campaign, let unit): [String(campaign), unit]
        case .apiReport(let campaign, let unit, let date): [String(campaign), unit, date]
        case .lateEntryOpening(let campaign, let opening): [String(campaign), String(opening)]
        case .campaignUnit(let campaign, let unit), .unitFlags(let campaign, let unit),
            .unitTexts(let campaign, let unit):
            [String(campaign), unit]
        case .reviewFlag(let campaign, let unit, let response): [String(campaign), unit, String(response)]
        case .unitReport, .lateEntries: []
        case .closeLateEntry(let opening): [String(opening)]
        case .communeYear(let year, let unit), .apiYearCommune(let year, let unit): [String(year), unit]
        case .yearRankings(let year), .indexWeights(let year), .apiYearCommunes(let year), .apiYearDistricts(let year),
            .apiDossiers(let year), .apiDossierShares(let year), .dossiers(let year),
            .dossiersExport(let year), .dossiersPrint(let year):
            [String(year)]
        case .dossier(let year, let unit), .dossierScores(let year, let unit), .dossierStep(let year, let unit),
            .dossierDocuments(let year, let unit):
            [String(year), unit]
        case .removeDossierDocument(let year, let unit, let document),
            .dossierDocument(let year, let unit, let document):
            [String(year), unit, String(document)]
        case .criteriaSet(let id), .copyCriteriaSet(let id), .revokeAPIToken(let id): [String(id)]
        case .communeReports, .reportPhotos, .roster, .rosterDeadline, .periodicReports: []
        case .periodicReportDocument(let report): [String(report)]
        case .removeRosterEntry(let entry): [String(entry)]
        case .communeReport(let unit, let date), .replyToReport(let unit, let date): [unit, date]
        case .reportPhoto(let unit, let date, let photo): [unit, date, String(photo)]
        case .apiCommuneReports, .apiRoster, .apiPeriodicReports: []
        case .apiCommuneReport(let unit, let date): [unit, date]
        }
    }

    /// The route a template names with these (decoded) arguments; nil when an identifier is not a positive
    /// number, or the count is wrong, so a malformed address names no page (a 404) instead of a crash.
    public init?(_ template: Template, arguments: [String]) {
        guard arguments.count == template.parameterCount else { return nil }
        func id(_ index: Int) -> Int64? {
            guard let value = Int64(arguments[index]), value > 0 else { return nil }
            return value
        }
        let first = arguments.first ?? ""
        switch template {
        case .health: self = .health
        case .readiness: self = .readiness
        case .metrics: self = .metrics
        case .privacy: self = .privacy
        case .root: self = .root
        case .about: self = .about
        case .asset: self = .asset(path: first)
        case .landing: self = .landing(unit: first)
        case .kioskLink: self = .kioskLink(token: first)
        case .answer, .thanks:
            guard let campaign = id(0) else { return nil }
            self =
                template == .answer
                ? .answer(campaign: campaign, unit: arguments[1])
                : .thanks(campaign: campaign, unit: arguments[1])
        case .suggestionBox: self = .suggestionBox(unit: first)
        case .suggestionReceipt: self = .suggestionReceipt(unit: first, lookup: arguments[1])
        case .suggestionLookup: self = .suggestionLookup(unit: first)
        case .qrSheet: self = .qrSheet
        case .qrImage: self = .qrImage(file: first)
        case .qrPoster: self = .qrPoster(unit: first)
        case .unitDeskHours: self = .unitDeskHours(unit: first)
        case .suggestionRounds: self = .suggestionRounds(unit: first)
        case .adminHome: self = .adminHome
        case .today: self = .today
        case .adminStylesheet: self = .adminStylesheet
        case .login: self = .login
        case .logout: self = .logout
        case .password: self = .password
        case .users: self = .users
        case .newUser: self = .newUser
        case .bulkUsers: self = .bulkUsers
        case .disableUser, .enableUser, .loginSlip:
            guard let value = id(0) else { return nil }
            self =
                switch template {
                case .disableUser: .disableUser(user: value)
                case .enableUser: .enableUser(user: value)
                default: .loginSlip(slip: value)
                }
        case .audit: self = .audit
        case .campaigns: self = .campaigns
        case .newCampaign: self = .newCampaign
        case .forms: self = .forms
        case .newFormVersion: self = .newFormVersion(form: first)
        case .newForm: self = .newForm
        case .buildForm: self = .buildForm(form: first)
        case .previewForm: self = .previewForm(form: first)
        case .kiosk: self = .kiosk
        case .suggestions: self = .suggestions
        case .weeklySuggestions: self = .weeklySuggestions
        case .deskStylesheet: self = .deskStylesheet
        case .apiDocument: self = .apiDocument
        case .apiMe: self = .apiMe
        case .apiCampaigns: self = .apiCampaigns
        case .apiToday: self = .apiToday
        case .apiWeeklySuggestions: self = .apiWeeklySuggestions
        case .apiWeeklySuggestionTopics: self = .apiWeeklySuggestionTopics
        case .apiSuggestionCounts: self = .apiSuggestionCounts
        case .resetPassword, .suggestion, .replyToSuggestion, .suggestionStatus, .suggestionCategory:
            guard let value = id(0) else { return nil }
            self =
                switch template {
                case .resetPassword: .resetPassword(user: value)
                case .suggestion: .suggestion(id: value)
                case .replyToSuggestion: .replyToSuggestion(id: value)
                case .suggestionStatus: .suggestionStatus(id: value)
                default: .suggestionCategory(id: value)
                }
        case .dashboard, .editCampaign, .openCampaign, .closeCampaign, .dailyReport, .lateEntry, .exportXLSX,
            .exportCSV, .printReport, .apiCommunes, .apiSummary, .apiFlags, .apiQuestions, .apiDays, .apiDistricts,
            .apiSatisfaction:
            guard let campaign = id(0) else { return nil }
            self =
                switch template {
                case .dashboard: .dashboard(campaign: campaign)
                case .editCampaign: .editCampaign(campaign: campaign)
                case .openCampaign: .openCampaign(campaign: campaign)
                case .closeCampaign: .closeCampaign(campaign: campaign)
                case .dailyReport: .dailyReport(campaign: campaign)
                case .lateEntry: .lateEntry(campaign: campaign)
                case .exportXLSX: .exportXLSX(campaign: campaign)
                case .exportCSV: .exportCSV(campaign: campaign)
                case .printReport: .printReport(campaign: campaign)
                case .apiCommunes: .apiCommunes(campaign: campaign)
                case .apiFlags: .apiFlags(campaign: campaign)
                case .apiQuestions: .apiQuestions(campaign: campaign)
                case .apiDays: .apiDays(campaign: campaign)
                case .apiDistricts: .apiDistricts(campaign: campaign)
                case .apiSatisfaction: .apiSatisfaction(campaign: campaign)
                default: .apiSummary(campaign: campaign)
                }
        case .lateEntryOpening:
            guard let campaign = id(0), let opening = id(1) else { return nil }
            self = .lateEntryOpening(campaign: campaign, opening: opening)
        case .campaignUnit:
            guard let campaign = id(0) else { return nil }
            self = .campaignUnit(campaign: campaign, unit: arguments[1])
        case .unitFlags:
            guard let campaign = id(0) else { return nil }
            self = .unitFlags(campaign: campaign, unit: arguments[1])
        case .unitTexts:
            guard let campaign = id(0) else { return nil }
            self = .unitTexts(campaign: campaign, unit: arguments[1])
        case .reviewFlag:
            guard let campaign = id(0), let response = id(2) else { return nil }
            self = .reviewFlag(campaign: campaign, unit: arguments[1], response: response)
        case .apiReport:
            guard let campaign = id(0) else { return nil }
            self = .apiReport(campaign: campaign, unit: arguments[1], date: arguments[2])
        case .apiCommune:
            guard let campaign = id(0) else { return nil }
            self = .apiCommune(campaign: campaign, unit: arguments[1])
        case .unitReport: self = .unitReport
        case .lateEntries: self = .lateEntries
        case .closeLateEntry:
            guard let opening = id(0) else { return nil }
            self = .closeLateEntry(opening: opening)
        case .communeYear, .yearRankings, .indexWeights, .apiYearCommunes, .apiYearCommune, .apiYearDistricts,
            .apiDossiers, .apiDossierShares:
            guard let value = id(0), let year = Int(exactly: value) else { return nil }
            self =
                switch template {
                case .communeYear: .communeYear(year: year, unit: arguments[1])
                case .apiDossiers: .apiDossiers(year: year)
                case .apiDossierShares: .apiDossierShares(year: year)
                case .apiYearCommune: .apiYearCommune(year: year, unit: arguments[1])
                case .apiYearDistricts: .apiYearDistricts(year: year)
                case .yearRankings: .yearRankings(year: year)
                case .indexWeights: .indexWeights(year: year)
                default: .apiYearCommunes(year: year)
                }
        case .dossierHome: self = .dossierHome
        case .criteriaSets: self = .criteriaSets
        case .apiTokens: self = .apiTokens
        case .revokeAPIToken:
            guard let value = id(0) else { return nil }
            self = .revokeAPIToken(id: value)
        case .dossiers, .dossiersExport, .dossiersPrint, .dossier, .dossierScores, .dossierStep, .dossierDocuments:
            guard let value = id(0), let year = Int(exactly: value) else { return nil }
            self =
                switch template {
                case .dossiers: .dossiers(year: year)
                case .dossiersExport: .dossiersExport(year: year)
                case .dossiersPrint: .dossiersPrint(year: year)
                case .dossier: .dossier(year: year, unit: arguments[1])
                case .dossierScores: .dossierScores(year: year, unit: arguments[1])
                case .dossierDocuments: .dossierDocuments(year: year, unit: arguments[1])
                default: .dossierStep(year: year, unit: arguments[1])
                }
        case .removeDossierDocument, .dossierDocument:
            guard let value = id(0), let year = Int(exactly: value), let document = id(2) else { return nil }
            self =
                template == .dossierDocument
                ? .dossierDocument(year: year, unit: arguments[1], document: document)
                : .removeDossierDocument(year: year, unit: arguments[1], document: document)
        case .criteriaSet, .copyCriteriaSet:
            guard let value = id(0) else { return nil }
            self = template == .criteriaSet ? .criteriaSet(id: value) : .copyCriteriaSet(id: value)
        case .communeReports: self = .communeReports
        case .reportPhotos: self = .reportPhotos
        case .communeReport: self = .communeReport(unit: first, date: arguments[1])
        case .replyToReport: self = .replyToReport(unit: first, date: arguments[1])
        case .reportPhoto:
            guard let photo = id(2) else { return nil }
            self = .reportPhoto(unit: first, date: arguments[1], photo: photo)
        case .roster: self = .roster
        case .rosterDeadline: self = .rosterDeadline
        case .periodicReports: self = .periodicReports
        case .periodicReportDocument:
            guard let report = id(0) else { return nil }
            self = .periodicReportDocument(report: report)
        case .removeRosterEntry:
            guard let entry = id(0) else { return nil }
            self = .removeRosterEntry(entry: entry)
        case .apiCommuneReports: self = .apiCommuneReports
        case .apiCommuneReport: self = .apiCommuneReport(unit: first, date: arguments[1])
        case .apiRoster: self = .apiRoster
        case .apiPeriodicReports: self = .apiPeriodicReports
        }
    }
}
