import HTML
import Store
import Survey

/// Pieces every view of today's board shares: the sentence when nothing is open, the window, the counts, the
/// campaigns that count the reports, the unit table (cards at 360 px) and the reminder list.
enum TodaySections {
    static func heading(_ board: TodayBoard) -> HTML {
        "<h1>Báo cáo ngày hôm nay – \(board.date.vietnamese)</h1>"
    }

    static let nothingOpen: HTML =
        "<p class=\"lead\">Hôm nay không có đợt khảo sát nào đang mở nhận báo cáo ngày trong phạm vi của tài khoản.</p>"

    /// The day's window (the earliest start to the latest end of the campaigns covering the scope) and where
    /// `now` stands in it.
    static func window(_ board: TodayBoard) -> HTML {
        guard let window = board.window else { return .empty }
        let position: HTML =
            switch window.position(at: board.now) {
            case .before: "<span class=\"note\">Chưa đến giờ báo cáo.</span>"
            case .inside: "<span class=\"ok\">Đang trong khung giờ báo cáo.</span>"
            case .after: "<span class=\"note\">Đã hết khung giờ báo cáo hôm nay.</span>"
            }
        return "<p>Khung giờ báo cáo hôm nay: <strong>\(window.text)</strong>. \(position)</p>"
    }

    /// The counts at the top: on time, late, not yet (before the window: not yet open instead of missing).
    static func counts(_ board: TodayBoard) -> HTML {
        let counts = board.counts
        let reported = (counts[.onTime] ?? 0) + (counts[.late] ?? 0)
        var cards: [HTML] = [
            "<p><strong>\(Format.count(reported))</strong>/\(Format.count(board.rows.count)) đơn vị đã báo cáo</p>",
            "<p class=\"ok\"><strong>\(Format.count(counts[.onTime] ?? 0))</strong> đúng giờ</p>",
            "<p class=\"warn\"><strong>\(Format.count(counts[.late] ?? 0))</strong> muộn</p>",
        ]
        if let waiting = counts[.notYetOpen], waiting > 0 {
            cards.append("<p class=\"note\"><strong>\(Format.count(waiting))</strong> chưa đến giờ báo cáo</p>")
        }
        if let missing = counts[.missing], missing > 0 || !board.beforeWindow {
            cards.append("<p class=\"bad\"><strong>\(Format.count(missing))</strong> chưa báo cáo</p>")
        }
        return "<div class=\"cards today-counts\">\(cards)</div>"
    }

    static func statusClass(_ status: TodayBoard.Status) -> String {
        switch status {
        case .onTime: "ok"
        case .late: "warn"
        case .notYetOpen: "note"
        case .missing: "bad"
        }
    }

    /// One row per unit: its status, the time and version of today's report, the campaigns counting it.
    static func unitTable(_ board: TodayBoard) -> HTML {
        let rows = board.rows.map { row -> HTML in
            let campaigns = row.campaigns.map { campaign -> HTML in
                "<a href=\"\(SiteRoute.dashboard(campaign: campaign.id).path)\">\(campaign.title)</a>"
            }
            return """
                <tr><td data-label="Đơn vị">\(row.name) <span class="note">(\(row.code))</span></td><td data-label="Tình trạng" class="\(statusClass(row.status))">\(row.status.label)</td><td data-label="Giờ nộp">\(row.filing?.timeText ?? "–")</td><td data-label="Số lần nộp">\(row.filing.map { Format.count($0.version) } ?? "–")</td><td data-label="Đợt tính báo cáo">\(campaigns, separator: ", ")</td></tr>
                """
        }
        return """
            <table class="cards today-units">
            <thead><tr><th>Đơn vị</th><th>Tình trạng</th><th>Giờ nộp</th><th>Số lần nộp</th><th>Đợt tính báo cáo</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    /// Those without a report, one per line with the code: a read-only text to select (and, with JavaScript,
    /// a copy button `copy.js` adds).
    static func reminders(_ board: TodayBoard) -> HTML {
        let list = board.reminders
        guard !list.entries.isEmpty else {
            return "<p class=\"ok\">Tất cả đơn vị đã báo cáo hôm nay.</p>"
        }
        let lines = list.entries.count + 1
        return """
            <h2>Danh sách cần nhắc</h2>
            <p><label for="nhac-bao-cao">Chưa báo cáo (sao chép gửi Zalo, tin nhắn):</label></p>
            <textarea id="nhac-bao-cao" rows="\(String(min(lines, 12)))" readonly data-copy>\(list.textWithCodes)</textarea>
            """
    }

    /// The open campaigns counting today's reports, each with its own window, linked to its dashboard.
    static func campaigns(_ campaigns: [CampaignRecord]) -> HTML {
        guard !campaigns.isEmpty else { return .empty }
        let items = campaigns.map { campaign -> HTML in
            "<li><a href=\"\(SiteRoute.dashboard(campaign: campaign.id).path)\">\(campaign.title)</a> <span class=\"note\">\(campaign.formCode) · \(campaign.schedule.startsOn.vietnamese)–\(campaign.schedule.endsOn.vietnamese) · \(campaign.window.text)</span></li>"
        }
        return "<h2>Các đợt đang mở tính báo cáo hôm nay</h2><ul>\(items)</ul>"
    }

    /// The late-entry openings in force in the scope, linked to the list that closes them.
    static func lateEntries(_ listings: [LateEntryListing]) -> HTML {
        let link: HTML = "<a href=\"\(SiteRoute.lateEntries.path)\">Xem và đóng các lượt nhập muộn</a>"
        guard !listings.isEmpty else {
            return "<h2>Nhập muộn đang mở</h2><p>Không có lượt mở nhập muộn nào còn hạn. \(link)</p>"
        }
        let items = listings.map { listing -> HTML in
            "<li>\(listing.unitName) (\(listing.unitCode)): ngày \(listing.opening.date.vietnamese), hạn đến \(listing.opening.untilText)</li>"
        }
        return """
            <h2>Nhập muộn đang mở (\(Format.count(listings.count)))</h2>
            <ul>\(items)</ul>
            <p>\(link)</p>
            """
    }

    static func menu(_ user: AuthenticatedUser) -> HTML {
        "<h2>Quản trị</h2><ul class=\"links\">\(AccountRoutes.menu(for: user))</ul>"
    }
}
