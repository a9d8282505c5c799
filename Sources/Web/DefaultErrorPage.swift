import HTML
import HTTP

/// The error page used when the app installs none: a plain Vietnamese page with the message, the request id
/// for server errors (so a user can quote it), and a link home. No inline style, so it passes a strict CSP.
public enum DefaultErrorPage {
    public static let response: Router.ErrorRenderer = { error, request in
        .html(page(for: error, requestID: request.id), status: error.status)
    }

    public static func page(for error: HTTPError, requestID: String) -> HTML {
        let reference: HTML =
            error.status.code >= 500 ? "<p>Mã yêu cầu: <code>\(requestID)</code></p>" : .empty
        return """
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Lỗi \(error.status.code)</title>
            </head>
            <body>
            <main>
            <h1>Lỗi \(error.status.code)</h1>
            <p>\(error.message)</p>
            \(reference)
            <p><a href="/">Về trang chủ</a></p>
            </main>
            </body>
            </html>

            """
    }
}
