import HTML
import Store

/// The frame of every admin page: a top bar with the unit, the user and a logout button (a POST form carrying
/// the CSRF token), then the page. Mobile first: the bar wraps at 360 px. Other admin pages reuse it.
public enum AdminLayout {
    public static func page(
        title: String, user: AuthenticatedUser, csrf: String?, banner: String? = nil,
        body: HTML
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
            """
        return frame(title: title, banner: banner, bar: bar, body: body)
    }

    /// A page without a signed-in user (the login page).
    public static func bare(title: String, banner: String? = nil, body: HTML) -> HTML {
        frame(
            title: title, banner: banner,
            bar: "<header class=\"adminbar\"><span class=\"unit\">Quản trị khảo sát</span></header>", body: body)
    }

    /// The hidden CSRF field every admin form must carry.
    public static func csrfField(_ csrf: String?) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf ?? "")\">"
    }

    private static func frame(title: String, banner: String?, bar: HTML, body: HTML) -> HTML {
        let bannerHTML: HTML = banner.map { "<p class=\"banner\" role=\"status\">\($0)</p>" } ?? .empty
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
