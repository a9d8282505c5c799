import HTTP
import Store
import Web

/// 404 for an entry that does not exist, 403 outside the scope, 422 for a bad entry or date.
extension RosterError: HTTPResponseError {
    public var status: HTTPStatus {
        switch kind {
        case .notFound: .notFound
        case .outOfScope: .forbidden
        case .invalid: .unprocessableContent
        }
    }
}
