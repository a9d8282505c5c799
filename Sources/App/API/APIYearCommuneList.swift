import Store
import Web

/// `GET /api/v1/years/{year}/communes` written straight to bytes, like `APICommuneList`: at 3,321 communes with
/// seven forms each, `JSONEncoder` took most of a second. Byte for byte what `APIJSON.response` gives for
/// `[APIYearCommune]` (sorted keys, shares rounded to 4 decimals); a text or number only `JSONEncoder` writes
/// right sends the whole list through it instead.
enum APIYearCommuneList {
    static func response(_ units: [YearUnitResult], dossiers: [String: APIYearDossier] = [:]) throws -> Response {
        guard let bytes = json(units, dossiers: dossiers) else {
            return try APIJSON.response(units.map { APIYearCommune($0, dossier: dossiers[$0.code]) })
        }
        return Response.bytes(bytes, contentType: "application/json").settingHeader("Cache-Control", "no-store")
    }

    /// Keys in sorted order, as `JSONEncoder` with sorted keys writes them.
    static func json(_ units: [YearUnitResult], dossiers: [String: APIYearDossier] = [:]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 420)
        out.append(UInt8(ascii: "["))
        func share(_ value: Double?) -> Bool {
            guard let value = APIJSON.share(value) else {
                out += "null".utf8
                return true
            }
            guard let text = APICommuneList.fixed(value, digits: 4) else { return false }
            out += text.utf8
            return true
        }
        func integer(_ value: Int?) {
            if let value { out += String(value).utf8 } else { out += "null".utf8 }
        }
        func points(_ value: Double?) -> Bool {
            guard let value else {
                out += "null".utf8
                return true
            }
            guard let text = APICommuneList.fixed(value, digits: 2) else { return false }
            out += text.utf8
            return true
        }
        for (index, unit) in units.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            let dossier = dossiers[unit.code]
            out += #"{"code":"#.utf8
            guard APICommuneList.string(unit.code, to: &out) else { return nil }
            out += #","district":"#.utf8
            if let district = unit.districtCode {
                guard APICommuneList.string(district, to: &out) else { return nil }
            } else {
                out += "null".utf8
            }
            out += #","district_score":"#.utf8
            guard points(dossier?.districtScore) else { return nil }
            out += #","dossier_state":"#.utf8
            if let state = dossier?.state {
                guard APICommuneList.string(state, to: &out) else { return nil }
            } else {
                out += "null".utf8
            }
            out += #","forms":{"#.utf8
            for (place, code) in unit.forms.keys.sorted().enumerated() {
                guard let form = unit.forms[code] else { continue }
                if place > 0 { out.append(UInt8(ascii: ",")) }
                guard APICommuneList.string(code, to: &out) else { return nil }
                out += #":{"answers":"#.utf8
                integer(form.answers)
                out += #","satisfied_share":"#.utf8
                guard share(form.satisfiedShare) else { return nil }
                out.append(UInt8(ascii: "}"))
            }
            out += #"},"name":"#.utf8
            guard APICommuneList.string(unit.name, to: &out) else { return nil }
            out += #","rank_in_district":"#.utf8
            integer(unit.rankInDistrict)
            out += #","rank_in_province":"#.utf8
            integer(unit.rankInProvince)
            out += #","recognised":"#.utf8
            out += (dossier?.recognised.map { $0 ? "true" : "false" } ?? "null").utf8
            out += #","satisfaction_index":"#.utf8
            guard share(unit.outcome.value) else { return nil }
            out += #","self_score":"#.utf8
            guard points(dossier?.selfScore) else { return nil }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
