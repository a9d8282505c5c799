import Database
import HTML
import HTTP
import Store
import Survey
import Uploads
import Web

/// The district's (and the province's) reading of the communes' daily reports: `/admin/reports` lists a day's
/// reports of the communes in scope, `/admin/reports/{unit}/{date}` shows one with its versions, photos and
/// replies, and takes a reply (303 back). A unit attaches photos of the day's outreach from its own report page
/// (`POST /admin/report/photos?date=`, multipart, one photo a request so a phone on a slow line sends each in
/// turn); a photo is served inline, as the image it was sniffed to be, to users whose scope covers the unit.
struct ReportReadingRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .communeReports, roles: Access.managers) { request, user in
            try await list(request, user: user)
        }
        routes.page(.get, .communeReport) { request, user in try await report(request, user: user) }
        routes.page(.post, .replyToReport, roles: Access.managers) { request, user in
            try await reply(request, user: user)
        }
        routes.page(.post, .reportPhotos, roles: DailyReportRoutes.reporters) { request, user in
            try await upload(request, user: user)
        }
        routes.page(.get, .reportPhoto) { request, user in try await photo(request, user: user) }
        routes.api(.get, .apiCommuneReports, roles: Access.managers) { request, user in
            try await apiList(request, user: user)
        }
        routes.api(.get, .apiCommuneReport) { request, user in try await apiReport(request, user: user) }
    }

    /// `text` as a day, or a 400 that says how to write one.
    static func date(_ text: String?) throws -> LocalDate {
        guard let text, let date = LocalDate(iso: text) else {
            throw HTTPError(.badRequest, message: "Ngày “\(text ?? "")” không hợp lệ; dùng dạng NNNN-TT-NN.")
        }
        return date
    }

    private func list(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let today = environment.clock.today
        let date = try UnitReportRoutes.day(try request.query("date"), today: today)
        let districtCode = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        let (rows, districts) = try await environment.database.read { connection in
            try Self.communeRows(connection, user: user, date: date, districtCode: districtCode)
        }
        let body = CommuneReportsPage(
            user: user, date: date, today: today, rows: rows, districts: districts, districtCode: districtCode
        ).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Đọc báo cáo ngày", user: user, csrf: request.csrfToken, banner: environment.banner, body: body))
    }

    /// The communes the list shows on `date` and, for the province, its districts to pick from: the page and the
    /// API read the same rows. A province's `districtCode` must name one of its districts (404).
    static func communeRows(_ connection: Connection, user: AuthenticatedUser, date: LocalDate, districtCode: String?)
        throws -> (rows: [CommuneReportRow], districts: [UnitRecord])
    {
        let store = ReportReadingStore(connection)
        var districtID: Int64?
        var districts: [UnitRecord] = []
        if user.role == .province {
            let units = UnitStore(connection)
            if let own = try units.unit(id: user.unitID) {
                districts = try units.units(inSet: own.unitSetID, level: "district")
            }
            if let districtCode {
                guard let district = districts.first(where: { $0.code == districtCode }) else {
                    throw HTTPError(.notFound, message: "Không có huyện mã “\(districtCode)”.")
                }
                districtID = district.id
            }
        }
        return (try store.communeRows(for: user, date: date, districtID: districtID), districts)
    }

    /// One unit's day as the reading page shows it (and the API answers it): 404 for an unknown code, 403 outside
    /// the user's scope (`ReportReadingStore.unit`).
    static func content(_ connection: Connection, user: AuthenticatedUser, code: String, date: LocalDate) throws
        -> CommuneReportPage.Content
    {
        let store = ReportReadingStore(connection)
        let unit = try store.unit(code: code, for: user)
        let report = try DailyReportStore(connection).report(unitID: unit.id, date: date)
        return CommuneReportPage.Content(
            unit: unit, date: date, report: report,
            versions: try report.map { try DailyReportStore(connection).versions(reportID: $0.id) } ?? [],
            replies: try report.map { try store.replies(reportID: $0.id) } ?? [],
            photos: try store.photos(unitID: unit.id, date: date))
    }

    private func report(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        try await reportPage(request, user: user, typed: "", message: nil, status: .ok)
    }

    private func reportPage(
        _ request: Request, user: AuthenticatedUser, typed: String, message: String?, status: HTTPStatus
    ) async throws -> Response {
        let code = request.parameters["code"] ?? ""
        let date = try Self.date(request.parameters["date"])
        let content = try await environment.database.read { connection in
            try Self.content(connection, user: user, code: code, date: date)
        }
        let replied = ((try? request.query("replied")) ?? nil) != nil
        let body = CommuneReportPage(
            user: user, content: content, today: environment.clock.today, csrf: request.csrfToken, typed: typed,
            message: message, replied: replied
        ).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Báo cáo ngày của \(content.unit.name)", user: user, csrf: request.csrfToken,
                banner: environment.banner, body: body), status: status)
    }

    private func reply(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let code = request.parameters["code"] ?? ""
        let date = try Self.date(request.parameters["date"])
        let form = try request.form()
        let text = form["body"] ?? ""
        let now = environment.clock.nowSeconds
        do {
            try await environment.database.write { connection in
                let store = ReportReadingStore(connection)
                let unit = try store.unit(code: code, for: user)
                try store.reply(unitID: unit.id, date: date, body: text, by: user, now: now)
            }
        } catch let error as ReportReadingError where error.kind == .invalid || error == .noReport {
            return try await reportPage(
                request, user: user, typed: text, message: error.message, status: error.status)
        }
        return .redirect(
            to: SiteRoute.communeReport(unit: code, date: date.iso).href([("replied", "1")]) + "#phan-hoi")
    }

    /// One photo for the user's own unit's day (`?date=`, today when absent): today, or a past day whose report
    /// was filed. The day's count is checked before the body is read and again when the photo is recorded.
    private func upload(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let today = environment.clock.today
        let date = try UnitReportRoutes.day(try request.query("date"), today: today)
        guard let receiver = environment.uploads else { throw StoredUpload.noStore }
        let rules = environment.reportPhotos
        try await environment.database.read { connection in
            guard date <= today else {
                throw HTTPError(.conflict, message: "Chưa đến ngày \(date.vietnamese): chưa gửi ảnh được.")
            }
            if date < today, try DailyReportStore(connection).report(unitID: user.unitID, date: date) == nil {
                throw HTTPError(
                    .conflict, message: "Đơn vị chưa nộp báo cáo ngày \(date.vietnamese) nên chưa gửi ảnh cho ngày này."
                )
            }
            if try ReportReadingStore(connection).photoCount(unitID: user.unitID, date: date) >= rules.perDay {
                throw ReportReadingStore.tooManyPhotos(rules.perDay)
            }
        }
        let photoReceiver = UploadReceiver(store: receiver.store, limits: rules.limits(under: receiver.limits))
        let received: ReceivedUpload
        do {
            received = try await photoReceiver.receiveOffLoop(
                body: request.body, contentType: request.headers["Content-Type"])
        } catch {
            environment.log("ảnh báo cáo ngày bị từ chối (\(user.unitCode), \(date.iso)): \(error.detail)")
            throw HTTPError(error.status, message: Self.photoMessage(error, rules: rules))
        }
        let file = received.file
        guard file.kind == .jpeg || file.kind == .png else {
            throw HTTPError(
                .unsupportedMediaType,
                message:
                    "Chỉ nhận ảnh JPEG hoặc PNG; tệp “\(file.name.value)” là \(file.kind.fileExtension.uppercased()).")
        }
        let photo = ReportPhoto.New(
            contentHash: file.hash.hex, mediaType: file.kind.mediaType, size: file.size, fileName: file.name.value)
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try ReportReadingStore(connection).addPhoto(
                unitID: user.unitID, date: date, photo, limit: rules.perDay, by: user, now: now)
        }
        return .redirect(
            to: SiteRoute.unitReport.href([("date", date == today ? nil : date.iso), ("photo", "1")]) + "#anh")
    }

    /// The receiver's sentence, but for a photo: what it accepts is a picture, not a document.
    static func photoMessage(_ error: UploadError, rules: ReportPhotoRules) -> String {
        switch error.kind {
        case .unsupportedType: "Chỉ nhận ảnh JPEG hoặc PNG (nhận biết theo nội dung tệp, không theo tên)."
        case .tooLarge: "Ảnh lớn quá \(rules.maxFileBytes / (1024 * 1024)) MB; hãy chụp ở cỡ nhỏ hơn hoặc gửi ảnh khác."
        default: error.message
        }
    }

    /// The stored image, inline (it was sniffed as JPEG or PNG when received), never sniffed again by the browser.
    private func photo(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let code = request.parameters["code"] ?? ""
        let date = try Self.date(request.parameters["date"])
        guard let id = request.parameters["id"].flatMap({ Int64($0) }) else { throw HTTPError.notFound }
        let found = try await environment.database.read { connection in
            let store = ReportReadingStore(connection)
            let unit = try store.unit(code: code, for: user)
            return try store.photo(id: id, unitID: unit.id, date: date)
        }
        guard let photo = found else { throw ReportReadingError.noPhoto }
        let bytes = try await StoredUpload.bytes(
            environment, contentHash: photo.contentHash, what: "ảnh \(id) của báo cáo \(code) \(date.iso)")
        return StoredUpload.image(bytes, mediaType: photo.mediaType)
    }
}
