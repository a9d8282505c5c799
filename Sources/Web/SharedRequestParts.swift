import HTTP
import Synchronization

/// What every copy of one request's `Request` shares: the parsed HTTP request, its id, and the pieces decoded
/// from it on first use. Safe to share because the HTTP request is immutable and the mutex guards the slots (a
/// decode may race with another on a copy; both compute the same value, and the first stored wins).
///
/// Keeping them behind one reference is what makes a `Request` cheap to copy: each middleware and the router pass
/// it on through an async call, and with the HTTP request's strings, headers and body stored inline every copy
/// retained each of them and made every async frame of the chain larger than the task's first allocator slab.
final class SharedRequestParts: Sendable {
    let http: HTTPRequest
    let id: String

    private struct Slots {
        var query: Result<URLEncodedForm, HTTPError>?
        var form: Result<URLEncodedForm, HTTPError>?
        var cookies: Cookies?
    }

    private let slots = Mutex(Slots())

    init(http: HTTPRequest, id: String) {
        self.http = http
        self.id = id
    }

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
