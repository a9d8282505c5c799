/// Whatever answers requests. The server calls it; the web layer's router implements it. Neither side knows
/// the other: this protocol is their only meeting point.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
}
