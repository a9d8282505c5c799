import HTTP
import Store
import Web

extension PeriodicReportError: HTTPResponseError {
    public var status: HTTPStatus {
        switch kind {
        case .notFound: .notFound
        case .outOfScope: .forbidden
        case .invalid: .unprocessableContent
        }
    }
}
