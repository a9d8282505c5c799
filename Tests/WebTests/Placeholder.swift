import Testing
@testable import Web

@Test func WebModuleLinks() {
    #expect(Bool(true))
}
