import Survey
import Testing

@testable import App
@testable import Store

/// Export file names say what the file holds (form, campaign, whose units, the day of the figures), in ASCII for
/// `filename=` and with Vietnamese letters for `filename*=` (RFC 6266, RFC 5987).
@Suite struct ExportFileNameTests {
    static let day = LocalDate(iso: "2026-12-02")!

    func name(
        _ title: String, _ scope: ExportFileName.Scope, form: String = "PKS02", fileExtension: String = "xlsx"
    ) -> ExportFileName {
        ExportFileName(
            formCode: form, campaignTitle: title, campaignID: 7, scope: scope, date: Self.day,
            fileExtension: fileExtension)
    }

    @Test func districtNameAsTheBriefSpellsIt() {
        let file = name("Khảo sát quý 4", .district(code: "07200", name: "Huyện Nam Đàn"))
        #expect(file.ascii == "PKS02_khao-sat-quy-4_huyen-07200-nam-dan_2026-12-02.xlsx")
        #expect(file.full == "PKS02_khảo-sát-quý-4_huyện-07200-nam-đàn_2026-12-02.xlsx")
        #expect(
            file.contentDisposition
                == "attachment; filename=\"PKS02_khao-sat-quy-4_huyen-07200-nam-dan_2026-12-02.xlsx\"; "
                + "filename*=UTF-8''PKS02_kh%E1%BA%A3o-s%C3%A1t-qu%C3%BD-4_huy%E1%BB%87n-07200-nam-%C4%91%C3%A0n_2026-12-02.xlsx"
        )
    }

    @Test func eachScopeNamesItsUnits() {
        let title = "Khảo sát quý 4"
        #expect(name(title, .province).ascii == "PKS02_khao-sat-quy-4_toan-tinh_2026-12-02.xlsx")
        #expect(name(title, .province).full == "PKS02_khảo-sát-quý-4_toàn-tỉnh_2026-12-02.xlsx")
        #expect(
            name(title, .commune(code: "07201"), fileExtension: "csv").ascii
                == "PKS02_khao-sat-quy-4_xa-07201_2026-12-02.csv")
        #expect(
            name(title, .district(code: "213", name: "Thành phố Bắc Giang")).ascii
                == "PKS02_khao-sat-quy-4_huyen-213-thanh-pho-bac-giang_2026-12-02.xlsx",
            "only a leading \"Huyện\" is redundant beside the scope word")
        #expect(
            name(title, .district(code: "760", name: "Quận 1")).ascii
                == "PKS02_khao-sat-quy-4_huyen-760-quan-1_2026-12-02.xlsx")
    }

    @Test func titlesWithoutLettersFallBackToTheCampaignNumber() {
        for title in ["!!! — ??? …", "\u{0300}\u{0301}\u{0323}", "", "   ", "«»/\\\"'", "北京"] {
            let file = name(title, .province)
            #expect(file.ascii == "PKS02_dot-7_toan-tinh_2026-12-02.xlsx", "\(title)")
            #expect(file.full == "PKS02_đợt-7_toàn-tỉnh_2026-12-02.xlsx", "\(title)")
        }
        let mixed = name("“Đường” đến — đảo!", .province)
        #expect(mixed.ascii == "PKS02_duong-den-dao_toan-tinh_2026-12-02.xlsx", "đ is d, punctuation separates")
        #expect(mixed.full == "PKS02_đường-đến-đảo_toàn-tỉnh_2026-12-02.xlsx")
    }

    @Test func partsAreBoundedAtWordEnds() {
        let file = name(DemoSeeder.campaignTitle, .province)
        #expect(file.ascii == "PKS02_khao-sat-su-hai-long-doi-voi-chu-tich_toan-tinh_2026-12-02.xlsx")
        #expect(file.full == "PKS02_khảo-sát-sự-hài-lòng-đối-với-chủ-tịch_toàn-tỉnh_2026-12-02.xlsx")
        let long = name(String(repeating: "a", count: 100), .province)
        #expect(long.ascii == "PKS02_\(String(repeating: "a", count: 40))_toan-tinh_2026-12-02.xlsx")
        let district = name("x", .district(code: "1", name: String(repeating: "Dài quá ", count: 20)))
        let districtPart = district.ascii.split(separator: "_")[2]
        #expect(districtPart == "huyen-1-dai-qua-dai-qua-dai-qua-dai")
        #expect(districtPart.count - "huyen-1-".count <= ExportFileName.districtLength)
    }

    @Test func namesAreSafeInAHeaderAndOnADisk() {
        let hostile = name("a\"b\r\nc;d/e\\f:g*h?i%j", .district(code: "2\"1;3", name: "x\r\ny"), form: "P\"K/S")
        #expect(hostile.ascii == "PKS_a-b-c-d-e-f-g-h-i-j_huyen-213-x-y_2026-12-02.xlsx")
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        #expect(hostile.ascii.allSatisfy(allowed.contains))
        #expect(hostile.contentDisposition.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
        #expect(ExportFileName.percentEncoded("a b\"%'đ") == "a%20b%22%25%27%C4%91")
    }

    /// Every role and every format through the real router: the header carries the name of that user's scope.
    @Test func everyRoleAndFormatThroughTheRoutes() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let id = app.demoCampaignID
        let title = "khao-sat-su-hai-long-doi-voi-chu-tich"
        let fullTitle =
            "kh%E1%BA%A3o-s%C3%A1t-s%E1%BB%B1-h%C3%A0i-l%C3%B2ng-%C4%91%E1%BB%91i-v%E1%BB%9Bi-ch%E1%BB%A7-t%E1%BB%8Bch"
        let cases: [(user: String, path: String, ascii: String, full: String)] = [
            (
                "tinh24", SiteRoute.exportXLSX(campaign: id).path,
                "PKS02_\(title)_toan-tinh_2024-06-12.xlsx", "PKS02_\(fullTitle)_to%C3%A0n-t%E1%BB%89nh_2024-06-12.xlsx"
            ),
            (
                "tinh24", SiteRoute.exportCSV(campaign: id).path,
                "PKS02_\(title)_toan-tinh_2024-06-12.csv", "PKS02_\(fullTitle)_to%C3%A0n-t%E1%BB%89nh_2024-06-12.csv"
            ),
            (
                "huyen213", SiteRoute.exportCSV(campaign: id).href([("sep", "semicolon")]),
                "PKS02_\(title)_huyen-213-thanh-pho-bac-giang_2024-06-12.csv",
                "PKS02_\(fullTitle)_huy%E1%BB%87n-213-th%C3%A0nh-ph%E1%BB%91-b%E1%BA%AFc-giang_2024-06-12.csv"
            ),
            (
                "huyen215", SiteRoute.exportXLSX(campaign: id).path,
                "PKS02_\(title)_huyen-215-yen-the_2024-06-12.xlsx",
                "PKS02_\(fullTitle)_huy%E1%BB%87n-215-y%C3%AAn-th%E1%BA%BF_2024-06-12.xlsx"
            ),
            (
                "xa07201", SiteRoute.exportXLSX(campaign: id).path,
                "PKS02_\(title)_xa-07201_2024-06-12.xlsx", "PKS02_\(fullTitle)_x%C3%A3-07201_2024-06-12.xlsx"
            ),
            (
                "xa07243", SiteRoute.exportCSV(campaign: id).path,
                "PKS02_\(title)_xa-07243_2024-06-12.csv", "PKS02_\(fullTitle)_x%C3%A3-07243_2024-06-12.csv"
            ),
        ]
        for (user, path, ascii, full) in cases {
            let browser = try await app.signIn(user)
            let response = await app.get(path, as: browser)
            #expect(response.status == .ok, "\(user) \(path)")
            #expect(
                response.headers["Content-Disposition"]
                    == "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(full)", "\(user) \(path)")
        }
        await app.close()
    }
}
