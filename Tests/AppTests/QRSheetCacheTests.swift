import Testing

@testable import App
@testable import Store

/// The province's QR sheet (hundreds of codes) is rendered once per unit set and district, and a new unit set
/// in force renders it anew.
@Suite struct QRSheetCacheTests {
    @Test func aSecondRequestRendersNothingAndANewUnitSetInvalidates() async throws {
        let app = try await TestApp()
        let cache = app.environment.qrSheetCache
        let first = await app.get("/qr/sheet")
        #expect(first.status == .ok)
        #expect(cache.renders == 1)
        let second = await app.get("/qr/sheet")
        #expect(second.body == first.body)
        #expect(cache.renders == 1, "served from the cache")
        _ = await app.get("/qr/sheet?district=213")
        _ = await app.get("/qr/sheet?district=213")
        #expect(cache.renders == 2, "one render per district")
        #expect(await app.get("/qr/sheet?district=99999").status == .notFound)
        #expect(cache.renders == 2, "an unknown district is not cached")

        // A reform: a new set in force from today, with one district and one commune.
        let today = app.clock.today.iso
        _ = try await app.pool.write { connection in
            try connection.run(
                "INSERT INTO unit_sets (effective_from, source_name, checksum, imported_at) VALUES (?, 'reform', 'x', 0)",
                [today])
            let setID = connection.lastInsertRowID
            try connection.run(
                """
                INSERT INTO units (unit_set_id, code, name, level, kind, parent_id, search_name)
                VALUES (?, '24', 'Tỉnh Bắc Giang', 'province', 'Tỉnh', NULL, 'tinh bac giang')
                """, [setID])
            let province = connection.lastInsertRowID
            try connection.run(
                """
                INSERT INTO units (unit_set_id, code, name, level, kind, parent_id, search_name)
                VALUES (?, '901', 'Huyện Sau Cải Cách', 'district', 'Huyện', ?, 'huyen sau cai cach')
                """, [setID, province])
            let district = connection.lastInsertRowID
            try connection.run(
                """
                INSERT INTO units (unit_set_id, code, name, level, kind, parent_id, search_name)
                VALUES (?, '90101', 'Xã Mới Lập', 'commune', 'Xã', ?, 'xa moi lap')
                """, [setID, district])
        }
        let reformed = await app.get("/qr/sheet")
        #expect(cache.renders == 3)
        #expect(reformed.text.contains("Xã Mới Lập"))
        #expect(reformed.text.components(separatedBy: "class=\"cell\"").count - 1 == 2)
        await app.close()
    }
}
