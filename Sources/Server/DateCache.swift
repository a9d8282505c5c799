import Glibc
import HTTP

/// The `Date` header value, formatted at most once per second per event loop.
struct DateCache {
    private var second = -1
    private var text = ""

    mutating func current() -> String {
        let now = Int(time(nil))
        if now != second {
            second = now
            text = HTTPDate.format(secondsSince1970: now)
        }
        return text
    }
}
