import HTML
import Store

/// The frame of every admin page: a top bar with the unit, the user and a logout button (a POST form carrying
/// the CSRF token), a short navigation line, then the page. Mobile first: the bar wraps at 360 px. Other admin
/// pages reuse it; `scripts` are same-origin files (the Content-Security-Policy allows no inline script).
public enum AdminLayout {
    public static func page(
        title: String, user: AuthenticatedUser, csrf: String?, banner: String? = nil,
        scripts: [String] = [], body: HTML
    ) -> HTML {
        let bar: HTML = """
            <header class="adminbar">
            <a class="unit" href="\(SiteRoute.adminHome.path)">\(user.unitName)</a>
            <span class="who">\(user.username) · \(user.role.label)</span>
            <form class="logout" method="post" action="\(SiteRoute.logout.path)">
            <input type="hidden" name="csrf" value="\(csrf ?? "")">
            <button type="submit" class="link">Đăng xuất</button>
            </form>
            </header>
            \(nav(user))
            """
        return frame(title: title, banner: banner, bar: bar, scripts: scripts, body: body)
    }

    /// A page without a signed-in user (the login page).
    public static func bare(title: String, banner: String? = nil, body: HTML) -> HTML {
        frame(
            title: title, banner: banner,
            bar: "<header class=\"adminbar\"><span class=\"unit\">Quản trị khảo sát</span></header>", scripts: [],
            body: body)
    }

    /// The links every role needs at hand: today's board (the landing of districts and communes) first.
    private static func nav(_ user: AuthenticatedUser) -> HTML {
        var links: [HTML] = ["<a href=\"\(SiteRoute.today.path)\">Hôm nay</a>"]
        if user.role != .province {
            links.append("<a href=\"\(SiteRoute.unitReport.path)\">Báo cáo ngày</a>")
        }
        links.append("<a href=\"\(SiteRoute.campaigns.path)\">Đợt khảo sát</a>")
        links.append("<a href=\"\(SiteRoute.suggestions.path)\">Góp ý</a>")
        links.append("<a href=\"\(SiteRoute.dossierHome.path)\">Hồ sơ công nhận</a>")
        return "<nav class=\"adminnav\" aria-label=\"Điều hướng\">\(links, separator: " ")</nav>"
    }

    /// The hidden CSRF field every admin form must carry.
    public static func csrfField(_ csrf: String?) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf ?? "")\">"
    }

    private static func frame(title: String, banner: String?, bar: HTML, scripts: [String], body: HTML) -> HTML {
        let bannerHTML: HTML = banner.map { "<p class=\"banner\" role=\"status\">\($0)</p>" } ?? .empty
        let scriptTags = scripts.map { source -> HTML in "<script src=\"\(source)\" defer></script>" }
        return """
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(title) – Quản trị khảo sát</title>
            <link rel="stylesheet" href="/static/site.css">
            <link rel="stylesheet" href="\(SiteRoute.adminStylesheet.path)">
            \(scriptTags)
            </head>
            <body class="admin">
            \(bannerHTML)
            \(bar)
            <main>
            \(body)
            </main>
            </body>
            </html>
            """
    }
}
