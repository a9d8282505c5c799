import Testing
@testable import Server

@Test func ServerModuleLinks() {
    #expect(Bool(true))
}
