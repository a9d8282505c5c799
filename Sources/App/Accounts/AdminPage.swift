import HTML
import HTTP
import Store
import Web

/// Admin answers are personal: never stored by a shared cache or the browser's back-forward history on a shared
/// desk computer.
enum AdminPage {
    static func response(_ page: HTML, status: HTTPStatus = .ok) -> Response {
        Response.html(page, status: status).settingHeader("Cache-Control", "no-store")
    }

    /// A console page in the admin frame for the signed-in user, with the session's CSRF token for its forms.
    static func response(
        _ request: Request, user: AuthenticatedUser, title: String, banner: String?, body: HTML,
        status: HTTPStatus = .ok
    ) -> Response {
        response(
            AdminLayout.page(title: title, user: user, csrf: request.csrfToken, banner: banner, body: body),
            status: status)
    }
}
