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
}
