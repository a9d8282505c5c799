import Testing
@testable import Database

@Test func DatabaseModuleLinks() {
    #expect(Bool(true))
}
