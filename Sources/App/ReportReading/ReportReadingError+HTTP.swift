import HTTP
import Store
import Web

/// 404 for what does not exist, 403 outside the scope, 422 for a bad reply, 409 when the day has its photos.
extension ReportReadingError: HTTPResponseError {
    public var status: HTTPStatus {
        switch kind {
        case .notFound: .notFound
        case .outOfScope: .forbidden
        case .invalid: .unprocessableContent
        case .tooManyPhotos: .conflict
        }
    }
}
