import HTTP
import Synchronization

/// The lazily decoded pieces of one request, shared by the copies of its `Request`. Safe to share because the
/// HTTP request they come from is immutable and the mutex guards the slots (a decode may race with another
/// on a copy; both compute the same value, and the first stored wins).
final class DecodedRequestParts: Sendable {
    private struct Slots {
        var query: Result<URLEncodedForm, HTTPError>?
        var form: Result<URLEncodedForm, HTTPError>?
        var cookies: Cookies?
    }

    private let slots = Mutex(Slots())

    func query(_ decode: () throws(HTTPError) -> URLEncodedForm) throws(HTTPError) -> URLEncodedForm {
        if let cached = slots.withLock({ $0.query }) { return try cached.get() }
        let result = Result(catching: decode)
        slots.withLock { if $0.query == nil { $0.query = result } }
        return try result.get()
    }

    func form(_ decode: () throws(HTTPError) -> URLEncodedForm) throws(HTTPError) -> URLEncodedForm {
        if let cached = slots.withLock({ $0.form }) { return try cached.get() }
        let result = Result(catching: decode)
        slots.withLock { if $0.form == nil { $0.form = result } }
        return try result.get()
    }

    func cookies(_ decode: () -> Cookies) -> Cookies {
        if let cached = slots.withLock({ $0.cookies }) { return cached }
        let cookies = decode()
        slots.withLock { if $0.cookies == nil { $0.cookies = cookies } }
        return cookies
    }
}
