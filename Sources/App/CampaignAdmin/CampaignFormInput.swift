import Foundation
import HTTP
import Store
import Survey

/// The campaign form as typed: every field kept as text so a refused form comes back (422) exactly as it was
/// sent, and `validate` turns it into a `NewCampaign` or Vietnamese messages by field name.
struct CampaignFormInput: Sendable, Hashable {
    enum ScopeKind: String, Sendable, Hashable {
        case all, districts, units
    }

    var formCode = ""
    var title = ""
    var startsOn = ""
    var endsOn = ""
    var scopeKind = ScopeKind.all
    var districts: [String] = []
    var unitCodes = ""
    var tolerance = "0,5"
    var busyFloor = "20"
    var windowStart = "16:30"
    var windowEnd = "17:00"

    static let maxTitleLength = 200

    init() {}

    init(form: URLEncodedForm) {
        formCode = form["form"] ?? ""
        title = SearchText.clean(form["title"] ?? "")
        startsOn = (form["starts_on"] ?? "").trimmed
        endsOn = (form["ends_on"] ?? "").trimmed
        scopeKind = ScopeKind(rawValue: form["scope"] ?? "") ?? .all
        districts = form.values(for: "district")
        unitCodes = form["units"] ?? ""
        tolerance = (form["tolerance"] ?? "").trimmed
        busyFloor = (form["busy_floor"] ?? "").trimmed
        windowStart = (form["window_start"] ?? "").trimmed
        windowEnd = (form["window_end"] ?? "").trimmed
    }

    /// A stored campaign as the form shows it; `unitCodes` nil means it covers every unit of its form's levels.
    init(campaign: CampaignRecord, unitCodes codes: [String]?) {
        formCode = campaign.formCode
        title = campaign.title
        startsOn = campaign.schedule.startsOn.iso
        endsOn = campaign.schedule.endsOn.iso
        if let codes {
            scopeKind = .units
            unitCodes = codes.joined(separator: ", ")
        }
        tolerance = Self.decimalText(perMille: campaign.quota.tolerancePerMille)
        busyFloor = String(campaign.quota.busyFloor)
        windowStart = Self.clockText(campaign.window.startMinute)
        windowEnd = Self.clockText(campaign.window.endMinute)
    }

    /// The campaign, or the messages of every field that is wrong.
    func validate(formCodes: Set<String>) -> (campaign: NewCampaign?, errors: [String: String]) {
        var errors: [String: String] = [:]
        if !formCodes.contains(formCode) { errors["form"] = "Vui lòng chọn mẫu phiếu." }
        if title.isEmpty { errors["title"] = "Vui lòng nhập tên đợt khảo sát." }
        if title.count > Self.maxTitleLength { errors["title"] = "Tên đợt dài quá \(Self.maxTitleLength) ký tự." }
        let start = LocalDate(iso: startsOn)
        let end = LocalDate(iso: endsOn)
        if start == nil { errors["starts_on"] = "Ngày bắt đầu không hợp lệ; dùng dạng NNNN-TT-NN (ví dụ 2024-07-01)." }
        if end == nil { errors["ends_on"] = "Ngày kết thúc không hợp lệ; dùng dạng NNNN-TT-NN (ví dụ 2024-07-31)." }
        if let start, let end, end < start { errors["ends_on"] = "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu." }
        let scope: CampaignScope
        switch scopeKind {
        case .all:
            scope = .all
        case .districts:
            if districts.isEmpty { errors["scope"] = "Vui lòng chọn ít nhất một huyện." }
            scope = .districts(districts)
        case .units:
            let codes = Self.codes(unitCodes)
            if codes.isEmpty { errors["scope"] = "Vui lòng nhập ít nhất một mã đơn vị." }
            if codes.count > 5000 { errors["scope"] = "Danh sách có quá nhiều mã đơn vị (tối đa 5000)." }
            scope = .units(codes)
        }
        let toleranceValue = Self.decimal(tolerance)
        if toleranceValue == nil {
            errors["tolerance"] = "Dung sai phải là số từ 0 đến 1 (ví dụ 0,5 nghĩa là ±50%)."
        }
        let floor = Int(busyFloor)
        if floor == nil || !(0...100_000).contains(floor ?? -1) {
            errors["busy_floor"] = "Mức sàn phải là số nguyên từ 0 đến 100000."
        }
        let startMinute = Self.minutes(windowStart, allowMidnightEnd: false)
        let endMinute = Self.minutes(windowEnd, allowMidnightEnd: true)
        if startMinute == nil { errors["window_start"] = "Giờ mở báo cáo không hợp lệ; dùng dạng GG:PP (ví dụ 16:30)." }
        if endMinute == nil { errors["window_end"] = "Giờ đóng báo cáo không hợp lệ; dùng dạng GG:PP (ví dụ 17:00)." }
        var window: ReportingWindow?
        if let startMinute, let endMinute {
            window = ReportingWindow(startMinute: startMinute, endMinute: endMinute)
            if window == nil { errors["window_end"] = "Giờ đóng báo cáo phải sau giờ mở báo cáo." }
        }
        guard errors.isEmpty, let start, let end, let toleranceValue, let floor, let window else {
            return (nil, errors)
        }
        var campaign = NewCampaign(formCode: formCode, title: title, startsOn: start, endsOn: end)
        campaign.state = .draft
        campaign.scope = scope
        campaign.quota = QuotaRule(tolerance: toleranceValue, busyFloor: floor)
        campaign.window = window
        return (campaign, [:])
    }

    /// Unit codes separated by commas, semicolons, spaces or lines, without repeats, in the order typed.
    static func codes(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
            .filter { seen.insert($0).inserted }
    }

    /// "0,5", "0.5" or "50%" → 0.5; nil outside 0…1.
    static func decimal(_ text: String) -> Double? {
        var value = text.replacingOccurrences(of: ",", with: ".")
        var scale = 1.0
        if value.hasSuffix("%") {
            value.removeLast()
            scale = 100
        }
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let number = Double(value)
        else { return nil }
        let result = number / scale
        return (0...1).contains(result) ? result : nil
    }

    static func decimalText(perMille: Int) -> String {
        guard perMille % 1000 != 0 else { return String(perMille / 1000) }
        var fraction = String(perMille % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(perMille / 1000),\(fraction)"
    }

    /// "16:30" → 990; "24:00" only as an end.
    static func minutes(_ text: String, allowMidnightEnd: Bool) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<60).contains(minute)
        else { return nil }
        if hour == 24 && minute == 0 && allowMidnightEnd { return 1440 }
        guard (0..<24).contains(hour) else { return nil }
        return hour * 60 + minute
    }

    static func clockText(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}

extension String {
    fileprivate var trimmed: String { SearchText.clean(self) }
}
