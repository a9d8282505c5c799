import HTML
import HTTP
import Testing
import Web

@Test func httpErrorBecomesAVietnamesePageWithItsStatus() async {
    var router = Router()
    router.get("/closed") { _ in throw HTTPError(.gone) }
    router.get("/forbidden") { _ in throw HTTPError.forbidden }
    router.get("/custom") { _ in throw HTTPError(.unprocessableContent, message: "Số điện thoại <sai>.") }
    let gone = await router.respond(to: makeRequest("/closed"))
    #expect(gone.status == .gone)
    #expect(gone.bodyText.contains("Trang này không còn hoạt động."))
    #expect(gone.bodyText.contains("<html lang=\"vi\">"))
    let forbidden = await router.respond(to: makeRequest("/forbidden"))
    #expect(forbidden.status == .forbidden)
    #expect(forbidden.bodyText.contains("Bạn không có quyền truy cập trang này."))
    let custom = await router.respond(to: makeRequest("/custom"))
    #expect(custom.status == .unprocessableContent)
    #expect(custom.bodyText.contains("Số điện thoại &lt;sai&gt;."), "messages are escaped like any text")
}

@Test func defaultMessagesCoverTheCommonStatuses() {
    #expect(HTTPError(.badRequest).message == "Yêu cầu không hợp lệ.")
    #expect(HTTPError(.notFound).message == "Không tìm thấy trang bạn yêu cầu.")
    #expect(HTTPError(.methodNotAllowed).message == "Phương thức không được hỗ trợ.")
    #expect(HTTPError(.internalServerError).message == "Đã có lỗi xảy ra. Vui lòng thử lại sau.")
    for status in [HTTPStatus.gone, .contentTooLarge, .unprocessableContent, .tooManyRequests] {
        #expect(!HTTPError(status).message.isEmpty)
        #expect(HTTPError(status).message != HTTPError(.internalServerError).message)
    }
}

@Test func otherErrorsBecomeALogged500WithoutLeakingTheMessage() async {
    let log = LineCollector()
    var router = Router(errorLogger: log.sink)
    router.get("/boom") { _ in throw SecretFailure() }
    let response = await router.respond(to: makeRequest("/boom?token=abc"))
    #expect(response.status == .internalServerError)
    #expect(!response.bodyText.contains("hunter2"))
    #expect(response.bodyText.contains("Đã có lỗi xảy ra. Vui lòng thử lại sau."))
    #expect(log.lines.count == 1)
    let line = log.lines.first ?? ""
    #expect(line.contains("hunter2"), "the operator sees the cause")
    #expect(line.contains("GET /boom"))
    #expect(!line.contains("token=abc"), "the query may carry secrets")
    // The page shows the request id that the log line names, so a report can be traced.
    let id = line.split(separator: " ").dropFirst().first.map(String.init) ?? "?"
    #expect(response.bodyText.contains(id))
}

@Test func customErrorRendererReceivesTheErrorAndHeadersAreKept() async {
    var router = Router(errorRenderer: { error, request in
        .text("custom \(error.status.code) \(request.path)")
    })
    router.post("/only-post") { _ in .text("ok") }
    let response = await router.respond(to: makeRequest(.get, "/only-post"))
    #expect(response.status == .methodNotAllowed)
    #expect(response.bodyText == "custom 405 /only-post")
    #expect(response.headers["Allow"] == "POST, OPTIONS")
}

@Test func rendererCannotDowngradeTheStatus() async {
    var router = Router(errorRenderer: { _, _ in .text("oops") })  // forgets the status
    router.get("/missing") { _ in throw HTTPError.notFound }
    #expect(await router.respond(to: makeRequest("/missing")).status == .notFound)
}
