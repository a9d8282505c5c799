import Testing
@testable import HTTP

@Test func HTTPModuleLinks() {
    #expect(Bool(true))
}
