import HTTP
import Store
import Web

/// A refused dossier step answers with a page saying why: 404 for what does not exist, 403 outside the scope,
/// 409 for a step the dossier's state does not allow now or that is another part's, 422 for what the form or the dossier still lacks.
extension DossierError: HTTPResponseError {
    public var status: HTTPStatus {
        switch kind {
        case .notFound: .notFound
        case .outOfScope: .forbidden
        case .frozen: .conflict
        case .invalid: .unprocessableContent
        case .rule(let rule):
            switch rule {
            // Another part's step (the district's while the commune's draft is open): the dossier is in the
            // scope, the step is not this account's now.
            case .notNow, .notYourStep: .conflict
            default: .unprocessableContent
            }
        }
    }
}
