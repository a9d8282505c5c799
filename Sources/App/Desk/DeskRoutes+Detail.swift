import HTML
import HTTP
import Store
import Web

/// `GET /admin/suggestions/{id}`: the text, topic, contact (only with consent), the reply form, the category and
/// the status buttons of one suggestion.
extension DeskRoutes {
    static let notices: [String: String] = [
        "reply": "Đã lưu trả lời. Người gửi đọc được trả lời này bằng mã tra cứu.",
        "status": "Đã cập nhật trạng thái.",
        "category": "Đã cập nhật phân loại.",
    ]

    func detail(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.suggestionID(request)
        let suggestion = try await environment.database.read { try Self.load(id: id, user: user, connection: $0) }
        let notice = try request.query("done").flatMap { Self.notices[$0] }
        return detailPage(request, user: user, suggestion: suggestion, replyText: nil, errors: [:], notice: notice)
    }

    func detailPage(
        _ request: Request, user: AuthenticatedUser, suggestion: DeskSuggestion, replyText: String?,
        errors: [String: String], notice: String? = nil, status: HTTPStatus = .ok
    ) -> Response {
        let item = suggestion.item
        let csrf = AdminLayout.csrfField(request.csrfToken)
        let noticeHTML: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let topic: HTML = item.topic.map { "<p><strong>Chủ đề:</strong> \($0)</p>" } ?? .empty
        var contactLines: [HTML] = []
        if let name = item.senderName { contactLines.append("Họ tên: <strong>\(name)</strong>") }
        if let phone = item.senderPhone { contactLines.append("Điện thoại: <strong>\(phone)</strong>") }
        let contact: HTML =
            contactLines.isEmpty
            ? "<p class=\"note\">Người gửi không để lại thông tin liên hệ.</p>"
            : "<p class=\"contact\">\(contactLines, separator: " · ")<br><span class=\"note\">Người gửi đồng ý cho dùng thông tin này chỉ để liên hệ trả lời góp ý.</span></p>"
        let replied: HTML =
            item.repliedAt.map { "<p class=\"note\">Trả lời lần cuối lúc \(Self.dateTime($0)).</p>" } ?? .empty
        let replyError: HTML = errors["reply"].map { "<p class=\"error\" id=\"e-reply\">\($0)</p>" } ?? .empty
        let categoryOptions = SuggestionCategory.allCases.map { category -> HTML in
            let selected: HTML = suggestion.category == category.rawValue ? " selected" : .empty
            return "<option value=\"\(category.rawValue)\"\(selected)>\(category.label)</option>"
        }
        let forward = SuggestionStatus.allCases.filter { SuggestionDesk.rank($0) > SuggestionDesk.rank(item.status) }
        let statusButtons = forward.map { next -> HTML in
            """
            <form method="post" action="\(SiteRoute.suggestionStatus(id: item.id).path)">\(csrf)<input type="hidden" name="status" value="\(next.rawValue)"><button type="submit" class="button">Chuyển sang “\(next.label)”</button></form>
            """
        }
        let statusActions: HTML =
            statusButtons.isEmpty
            ? "<p>Góp ý đã được giải quyết.</p>"
            : "<div class=\"desk-actions\">\(statusButtons)</div>"
        let lookupPath = SiteRoute.suggestionReceipt(unit: suggestion.unitCode, lookup: item.lookupCode).path
        let backLink = SiteRoute.suggestions.href([
            ("unit", suggestion.unitCode), ("year", String(item.year)),
            ("round", String(item.round)),
        ])
        let body: HTML = """
            <p class="noprint"><a href="\(backLink)">← Danh sách góp ý của \(suggestion.unitName)</a></p>
            <h1>Góp ý số \(String(item.id))</h1>
            \(noticeHTML)
            <p class="place">\(suggestion.unitName) · Đợt \(item.round) năm \(item.year) · gửi lúc \(Self.dateTime(item.createdAt)) · mã tra cứu <strong>\(item.lookupCode)</strong></p>
            <p>Trạng thái: <span class="tag">\(item.status.label)</span> · Phân loại: \(SuggestionCategory.label(suggestion.category) ?? "chưa phân loại")</p>
            \(topic)
            <div class="suggestion-text">\(item.text)</div>
            \(contact)
            <h2>Trả lời người gửi</h2>
            <p class="note">Người gửi đọc trả lời tại <a href="\(lookupPath)">\(environment.publicURL + lookupPath)</a> bằng mã tra cứu. Trả lời lần đầu chuyển góp ý mới sang “Đang xử lý”.</p>
            \(replied)
            <form class="desk-reply stack" method="post" action="\(SiteRoute.replyToSuggestion(id: item.id).path)">\(csrf)
            <label for="reply">Nội dung trả lời</label>\(replyError)
            <textarea id="reply" name="reply" rows="6" maxlength="\(SuggestionDesk.maxReplyLength)">\(replyText ?? item.reply ?? "")</textarea>
            <p><button type="submit" class="button primary">Lưu trả lời</button></p>
            </form>
            <h2>Phân loại</h2>
            <form class="filters" method="post" action="\(SiteRoute.suggestionCategory(id: item.id).path)">\(csrf)
            <label>Loại góp ý<select name="category"><option value="">Chưa phân loại</option>\(categoryOptions)</select></label>
            <button type="submit" class="button">Lưu phân loại</button>
            </form>
            <h2>Trạng thái</h2>
            \(statusActions)
            """
        return page(request, user: user, title: "Góp ý số \(item.id)", body: body, status: status)
    }
}
