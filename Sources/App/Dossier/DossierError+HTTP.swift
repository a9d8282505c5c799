import HTTP
import Store
import Web

/// A refused dossier step answers with a page saying why: 404 for what does not exist, 403 outside the scope,
/// 409 for a step the dossier's state does not allow now, 422 for what the form or the dossier still lacks.
extension DossierError: HTTPResponseError {
    public var status: HTTPStatus {
        switch kind {
        case .notFound: .notFound
        case .outOfScope: .forbidden
        case .frozen: .conflict
        case .invalid: .unprocessableContent
        case .rule(let rule):
            switch rule {
            case .notNow: .conflict
            case .notYourStep: .forbidden
            default: .unprocessableContent
            }
        }
    }
}
