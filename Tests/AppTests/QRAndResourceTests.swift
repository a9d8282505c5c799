import Foundation
import Testing

@testable import App
@testable import Store

@Suite struct QRAndResourceTests {
    @Test func communeQRCodeDecodesToItsLandingPage() async throws {
        let app = try await TestApp()
        let png = await app.get("/qr/07210.png")
        #expect(png.status == .ok)
        #expect(png.headers["Content-Type"] == "image/png")
        let file = app.folder + "/07210.png"
        try Data(png.body).write(to: URL(fileURLWithPath: file))
        let zbarimg = "/usr/bin/zbarimg"
        try #require(FileManager.default.isExecutableFile(atPath: zbarimg), "install zbar-tools (make deps-test)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--quiet", "--raw", file]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let decoded = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(decoded.trimmingCharacters(in: .whitespacesAndNewlines) == "\(TestApp.publicURL)/q/07210")

        let svg = await app.get("/qr/07210.svg")
        #expect(svg.headers["Content-Type"] == "image/svg+xml")
        #expect(svg.text.hasPrefix("<svg"))
        #expect(await app.get("/qr/99999.svg").status == .notFound)
        #expect(await app.get("/qr/07210.gif").status == .notFound)
        await app.close()
    }

    @Test func postersAndSheetsPrintEveryUnit() async throws {
        let app = try await TestApp()
        let poster = await app.get("/qr/07210/poster")
        #expect(poster.status == .ok)
        #expect(poster.text.contains("Phường Hoàng Văn Thụ"))
        #expect(poster.text.contains("Thành phố Bắc Giang"))
        #expect(poster.text.contains("\(TestApp.publicURL)/q/07210"))
        let district = await app.get("/qr/sheet?district=213")
        #expect(district.status == .ok)
        let province = await app.get("/qr/sheet")
        #expect(province.text.components(separatedBy: "class=\"cell\"").count - 1 == 219, "10 districts + 209 communes")
        #expect(await app.get("/qr/sheet?district=99999").status == .notFound)
        await app.close()
    }

    @Test func embeddedResourcesMatchTheFiles() throws {
        for (folder, embedded) in [("Migrations", EmbeddedResources.migrations), ("Seeds", EmbeddedResources.seeds)] {
            let names = try FileManager.default.contentsOfDirectory(atPath: TestApp.repositoryRoot + "/" + folder)
                .filter { $0.hasSuffix(".sql") || $0.hasSuffix(".csv") }.sorted()
            #expect(embedded.map(\.name) == names, "run `make embed`")
            for (name, text) in embedded {
                let onDisk = try String(contentsOfFile: TestApp.repositoryRoot + "/\(folder)/\(name)", encoding: .utf8)
                #expect(text == onDisk, "\(folder)/\(name) changed: run `make embed`")
            }
        }
        let document = try String(contentsOfFile: TestApp.repositoryRoot + "/api/openapi.json", encoding: .utf8)
        #expect(EmbeddedAPIDocument.json == document, "api/openapi.json changed: run `make embed`")
    }

    @Test func healthAndStaticFiles() async throws {
        let app = try await TestApp()
        let health = await app.get("/healthz")
        #expect(health.status == .ok)
        #expect(health.text == "ok")
        let css = await app.get("/static/site.css")
        #expect(css.status == .ok)
        #expect(css.headers["Content-Type"]?.hasPrefix("text/css") == true)
        #expect(await app.get("/static/../Package.swift").status == .notFound)
        #expect(css.headers["Content-Security-Policy"]?.contains("default-src 'self'") == true)
        await app.close()
    }
}
