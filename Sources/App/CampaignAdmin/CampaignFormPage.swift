import HTML
import Store

/// The create and edit form of a campaign. Mobile first: one field under another; every value comes back as
/// it was typed when the form is refused.
enum CampaignFormPage {
    struct Choices: Sendable {
        let forms: [FormStore.FormSummary]
        let districts: [UnitRecord]
        /// The unit that runs the campaign; nil for the province.
        var owner: UnitRecord? = nil
    }

    static func body(
        _ input: CampaignFormInput, errors: [String: String], choices: Choices, action: String,
        heading: String, csrf: String?
    ) -> HTML {
        func error(_ field: String) -> HTML {
            errors[field].map { "<p class=\"error\" id=\"e-\(field)\">\($0)</p>" } ?? .empty
        }
        func checked(_ on: Bool) -> HTML { on ? " checked" : .empty }
        let general: HTML = errors["general"].map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? .empty
        let formOptions = choices.forms.map { form -> HTML in
            let selected: HTML = form.code == input.formCode ? " selected" : .empty
            return "<option value=\"\(form.code)\"\(selected)>\(form.title)</option>"
        }
        let districtBoxes = choices.districts.map { district -> HTML in
            """
            <label class="opt"><input type="checkbox" name="district" value="\(district.code)"\(checked(input.districts.contains(district.code)))> \(district.name) (\(district.code))</label>
            """
        }
        return """
            <h1>\(heading)</h1>
            \(ownerLine(choices.owner))
            \(general)
            <form class="stack" method="post" action="\(action)" novalidate>
            \(AdminLayout.csrfField(csrf))
            <label for="form">Mẫu phiếu</label>\(error("form"))
            <select id="form" name="form"><option value="">— Chọn mẫu phiếu —</option>\(formOptions)</select>
            <label for="title">Tên đợt khảo sát</label>\(error("title"))
            <input class="text" id="title" type="text" name="title" maxlength="\(CampaignFormInput.maxTitleLength)" value="\(input.title)">
            <label for="starts_on">Ngày bắt đầu</label>\(error("starts_on"))
            <input id="starts_on" type="date" name="starts_on" value="\(input.startsOn)">
            <label for="ends_on">Ngày kết thúc</label>\(error("ends_on"))
            <input id="ends_on" type="date" name="ends_on" value="\(input.endsOn)">
            \(scopeFields(input, choices: choices, districtBoxes: districtBoxes, error: error("scope")))
            <label for="tolerance">Dung sai so với số người đến giao dịch (0–1, ví dụ 0,5 = ±50%)</label>\(error("tolerance"))
            <input class="text" id="tolerance" type="text" name="tolerance" inputmode="decimal" value="\(input.tolerance)">
            <label for="busy_floor">Mức sàn cho đơn vị đông người (số phiếu)</label>\(error("busy_floor"))
            <input class="text" id="busy_floor" type="number" name="busy_floor" min="0" value="\(input.busyFloor)">
            <label for="window_start">Giờ mở báo cáo ngày</label>\(error("window_start"))
            <input id="window_start" type="time" name="window_start" value="\(input.windowStart)">
            <label for="window_end">Giờ đóng báo cáo ngày</label>\(error("window_end"))
            <input id="window_end" type="time" name="window_end" value="\(input.windowEnd)">
            <p><button type="submit" class="button primary">Lưu bản nháp</button> <a href="\(SiteRoute.campaigns.path)">Hủy</a></p>
            </form>
            """
    }

    static func ownerLine(_ owner: UnitRecord?) -> HTML {
        guard let owner else { return .empty }
        return "<p class=\"lead\">Đơn vị chủ trì: <strong>\(owner.name)</strong> (\(owner.code)).</p>"
    }

    /// The province picks any scope; a district its whole scope, itself, or a list of its own units; a commune
    /// covers itself only, so it is not asked.
    static func scopeFields(
        _ input: CampaignFormInput, choices: Choices, districtBoxes: [HTML], error: HTML
    ) -> HTML {
        func checked(_ on: Bool) -> HTML { on ? " checked" : .empty }
        if let owner = choices.owner, owner.level != "district" {
            return """
                <input type="hidden" name="scope" value="all">
                <p>Phạm vi khảo sát: \(owner.name) (\(owner.code)).</p>
                """
        }
        let everything: HTML =
            choices.owner.map { "Toàn bộ phạm vi của \($0.name) (các xã, thị trấn và bộ phận một cửa của huyện)" }
            ?? "Toàn tỉnh (mọi đơn vị thuộc cấp khảo sát của mẫu phiếu)"
        let districts: HTML =
            choices.owner == nil
            ? """
            <label class="opt"><input type="radio" name="scope" value="districts"\(checked(input.scopeKind == .districts))> Các huyện được chọn:</label>
            <div>\(districtBoxes)</div>
            """
            : .empty
        return """
            <fieldset class="q"><legend>Phạm vi khảo sát</legend>\(error)
            <label class="opt"><input type="radio" name="scope" value="all"\(checked(input.scopeKind == .all))> \(everything)</label>
            \(districts)
            <label class="opt"><input type="radio" name="scope" value="units"\(checked(input.scopeKind == .units))> Danh sách mã đơn vị (cách nhau bởi dấu phẩy hoặc xuống dòng):</label>
            <textarea name="units" rows="3">\(input.unitCodes)</textarea>
            </fieldset>
            """
    }
}
