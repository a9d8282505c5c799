import Testing
@testable import App

@Test func AppModuleLinks() {
    #expect(Bool(true))
}
