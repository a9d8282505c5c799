import HTTP

/// qcdc has one response type: the HTTP module's, with builders added in `HTTPResponse+Builders.swift`.
public typealias Response = HTTPResponse

/// Answers one request. Throw an `HTTPError` to answer with an error page; any other error becomes a logged 500.
public typealias Handler = nonisolated(nonsending) @Sendable (Request) async throws -> Response
