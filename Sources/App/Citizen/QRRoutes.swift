import HTML
import HTTP
import QRCode
import Store
import Survey
import Web

/// QR codes for the wall: `/qr/{code}.svg`, `/qr/{code}.png`, an A4 poster per unit and a sheet for a district
/// or the whole province. Codes point at `{public-url}/q/{code}`, so they outlive every campaign.
struct QRRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.open(.get, .qrSheet) { request in try await sheet(request) }
        routes.open(.get, .qrImage) { request in try await image(request) }
        routes.open(.get, .qrPoster) { request in try await poster(request) }
    }

    func landingURL(_ code: String) -> String {
        SiteRoute.landing(unit: code).url(publicURL: environment.publicURL)
    }

    private func unit(_ code: String) async throws -> (UnitRecord, UnitRecord?) {
        let today = environment.clock.today
        let found = try await environment.database.read { connection -> (UnitRecord, UnitRecord?)? in
            let units = UnitStore(connection)
            guard let setID = try units.unitSetID(inForceOn: today),
                let unit = try units.unit(code: code, inSet: setID), unit.level != "province"
            else { return nil }
            return (unit, try unit.parentID.flatMap { try units.unit(id: $0) })
        }
        guard let found else {
            throw HTTPError(
                .notFound, message: "Không có đơn vị mã “\(code)” trong danh sách đơn vị hành chính hiện hành.")
        }
        return found
    }

    func image(_ request: Request) async throws -> Response {
        let file = try request.parameters.require("code")
        let isSVG = file.hasSuffix(".svg")
        let isPNG = file.hasSuffix(".png")
        guard isSVG || isPNG else { throw HTTPError(.notFound) }
        let (unit, _) = try await unit(String(file.dropLast(4)))
        let matrix = try QRCode.encode(landingURL(unit.code))
        var response: Response =
            isSVG
            ? .bytes(Array(matrix.svg(label: "Mã QR khảo sát \(unit.name)").utf8), contentType: "image/svg+xml")
            : .bytes(try matrix.png(scale: 10), contentType: "image/png")
        response.headers.set("Cache-Control", "public, max-age=86400")
        return response
    }

    func poster(_ request: Request) async throws -> Response {
        let (unit, parent) = try await unit(try request.parameters.require("code"))
        let url = landingURL(unit.code)
        let svg = HTML(unsafeRaw: try QRCode.encode(url).svg(label: "Mã QR khảo sát \(unit.name)"))
        let parentLine: HTML = parent.map { "<p class=\"lead\">\($0.name)</p>" } ?? .empty
        let body: HTML = """
            <div class="poster">
            <h1>KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN</h1>
            <p class="lead"><strong>\(unit.name)</strong></p>
            \(parentLine)
            <div class="qr">\(svg)</div>
            <p class="url">\(url)</p>
            <ol>
            <li>Mở camera hoặc Zalo trên điện thoại, quét mã QR ở trên.</li>
            <li>Chọn phiếu khảo sát đang mở và trả lời các câu hỏi.</li>
            <li>Bấm “Gửi phiếu khảo sát”. Phiếu không ghi tên.</li>
            </ol>
            <p class="noprint note">In áp phích: dùng lệnh In của trình duyệt (Ctrl+P), khổ A4.</p>
            </div>
            """
        return .html(Layout.page(title: "Áp phích mã QR – \(unit.name)", body: body))
    }

    /// "Danh sách mã QR code kèm theo": every unit of a district (`?district=215`) or of the province, rendered
    /// once per unit set and district (`QRSheetCache`).
    func sheet(_ request: Request) async throws -> Response {
        let districtCode = try request.query("district")
        let today = environment.clock.today
        let setID = try await environment.database.read { try UnitStore($0).unitSetID(inForceOn: today) }
        guard let setID else { throw HTTPError(.notFound, message: "Chưa có danh sách đơn vị hành chính.") }
        let key = QRSheetCache.Key(unitSetID: setID, district: districtCode)
        if let cached = environment.qrSheetCache.sheet(key) {
            return .bytes(cached, contentType: "text/html; charset=utf-8")
        }
        let body = try await renderSheet(setID: setID, districtCode: districtCode).bytes
        environment.qrSheetCache.store(body, for: key)
        return .bytes(body, contentType: "text/html; charset=utf-8")
    }

    private func renderSheet(setID: Int64, districtCode: String?) async throws -> HTML {
        let units = try await environment.database.read { connection -> (String, [UnitRecord])? in
            let store = UnitStore(connection)
            if let districtCode {
                guard let district = try store.unit(code: districtCode, inSet: setID), district.level == "district"
                else {
                    return nil
                }
                return (district.name, [district] + (try store.communes(inSet: setID, district: district.id)))
            }
            let province = try store.units(inSet: setID, level: "province").first
            let districts = try store.units(inSet: setID, level: "district")
            return (province?.name ?? "", districts + (try store.communes(inSet: setID)))
        }
        guard let (title, list) = units else {
            throw HTTPError(.notFound, message: "Không tìm thấy huyện mã “\(districtCode ?? "")”.")
        }
        var cells: [HTML] = []
        cells.reserveCapacity(list.count)
        for unit in list {
            let url = landingURL(unit.code)
            let svg = HTML(unsafeRaw: try QRCode.encode(url).svg(moduleSize: 4, label: unit.name))
            cells.append("<div class=\"cell\">\(svg)<p><strong>\(unit.name)</strong></p><p>\(url)</p></div>")
        }
        let body: HTML = """
            <h1>Danh sách mã QR khảo sát – \(title)</h1>
            <p class="noprint">\(list.count) đơn vị. Dùng lệnh In của trình duyệt (khổ A4).</p>
            <div class="sheet">\(cells)</div>
            """
        return Layout.page(title: "Danh sách mã QR – \(title)", body: body)
    }
}
