import Testing

@testable import App

// SiteArea decides which guard (session or token) sees a request, on every request; it must agree with the
// router, which drops empty segments, whatever the slashes.

@Test func siteAreaIsTheFirstNonEmptySegment() {
    let console = ["/admin", "/admin/", "//admin", "/admin/campaigns/1", "///admin//x", "admin"]
    let api = ["/api", "/api/v1/me", "//api//v1", "/api/"]
    let other = ["/", "", "//", "/adminx", "/admi", "/s/1/07210", "/assets/admin", "/Admin", "/apiv1", "/ admin"]
    for path in console { #expect(SiteArea(path: path) == .console, "\(path)") }
    for path in api { #expect(SiteArea(path: path) == .api, "\(path)") }
    for path in other { #expect(SiteArea(path: path) == .other, "\(path)") }
    for path in console + api + other {
        #expect(SiteArea(path: path) == SiteArea(path: SiteArea.normalized(path)), "normalising keeps \(path)'s area")
    }
}
