import HTML
import Store

/// The frame of every page: Vietnamese, mobile first, one small stylesheet, no external fonts or scripts.
enum Layout {
    static func page(title: String, banner: String? = nil, scripts: [String] = [], body: HTML) -> HTML {
        let bannerHTML: HTML = banner.map { "<p class=\"banner\" role=\"status\">\($0)</p>" } ?? .empty
        let scriptTags = scripts.map { src -> HTML in "<script src=\"\(src)\" defer></script>" }
        return """
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <link rel="stylesheet" href="/static/site.css">
            \(scriptTags)
            </head>
            <body>
            \(bannerHTML)
            <main>
            \(body)
            </main>
            <footer class="site-footer"><a href="\(SiteRoute.privacy.path)">Quyền riêng tư</a></footer>
            </body>
            </html>
            """
    }

    /// A short page for errors and notices: a heading, a sentence, an optional way on.
    static func notice(
        title: String, message: String, banner: String? = nil,
        link: (href: String, label: String)? = nil
    ) -> HTML {
        let linkHTML: HTML = link.map { "<p><a class=\"button\" href=\"\($0.href)\">\($0.label)</a></p>" } ?? .empty
        return page(
            title: title, banner: banner,
            body: """
                <h1>\(title)</h1>
                <p class="lead">\(message)</p>
                \(linkHTML)
                """)
    }
}
