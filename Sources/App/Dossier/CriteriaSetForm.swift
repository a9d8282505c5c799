import HTTP
import Store
import Survey
import Web

/// The edit form of a criteria set, read back into a `CriteriaSet`: rows `c{n}-…` (criteria, a row without code
/// and title is dropped), `satisfaction` (the satisfaction criterion's code), `b{n}-…` (bands), `d{n}-…`
/// (documents). Numbers take a decimal comma or point.
enum CriteriaSetForm {
    static let spareRows = 3

    static func parse(_ form: URLEncodedForm, onto stored: CriteriaSet) throws -> CriteriaSet {
        func text(_ name: String) -> String { (form[name] ?? "").dossierTrimmed }
        func number(_ name: String, _ what: String) throws -> Double? {
            let value = text(name)
            if value.isEmpty { return nil }
            guard let number = DossierRoutes.number(value) else {
                throw DossierError(.invalid, "\(what) phải là một số (ví dụ 12,5).")
            }
            return number
        }
        let satisfaction = text("satisfaction")
        var criteria: [Criterion] = []
        for row in 0..<(stored.criteria.count + spareRows) {
            let code = text("c\(row)-code")
            let title = text("c\(row)-title")
            if code.isEmpty && title.isEmpty { continue }
            let parent = text("c\(row)-parent")
            criteria.append(
                Criterion(
                    code: code, parentCode: parent.isEmpty ? nil : parent, title: title,
                    maxPoints: try number("c\(row)-max", "Điểm tối đa của tiêu chí \(code)") ?? 0,
                    minimumPoints: try number("c\(row)-min", "Điểm tối thiểu của tiêu chí \(code)"),
                    isSatisfaction: !code.isEmpty && code == satisfaction))
        }
        var bands: [SatisfactionBands.Band] = []
        for row in 0..<(stored.bands.bands.count + spareRows) {
            guard let minimum = try number("b\(row)-min", "Mức chỉ số"),
                let points = try number("b\(row)-points", "Điểm quy đổi")
            else { continue }
            guard (0...100).contains(minimum), points >= 0 else {
                throw DossierError(.invalid, "Mức chỉ số phải từ 0 đến 100 và điểm quy đổi không âm.")
            }
            bands.append(.init(minimumIndex: minimum, points: points))
        }
        if Set(bands.map(\.minimumIndex)).count != bands.count {
            throw DossierError(.invalid, "Mỗi mức chỉ số trong bảng quy đổi chỉ ghi một lần.")
        }
        var kinds: [DossierDocumentKind] = []
        for row in 0..<(stored.documentKinds.count + spareRows) {
            let code = text("d\(row)-code")
            let title = text("d\(row)-title")
            if code.isEmpty && title.isEmpty { continue }
            guard !code.isEmpty, !title.isEmpty, !kinds.contains(where: { $0.code == code }) else {
                throw DossierError(.invalid, "Mỗi loại tài liệu cần một mã riêng và tên.")
            }
            kinds.append(
                DossierDocumentKind(
                    code: code, title: title, required: form["d\(row)-required"] == "1",
                    uploadedBy: DossierDocumentKind.Uploader(rawValue: text("d\(row)-by")) ?? .subject))
        }
        let title = text("title")
        guard !title.isEmpty else { throw DossierError(.invalid, "Bộ tiêu chí cần có tên.") }
        return CriteriaSet(
            id: stored.id, year: stored.year, subjectKind: stored.subjectKind, version: stored.version, title: title,
            passTotal: try number("pass_total", "Tổng điểm đạt chuẩn") ?? stored.passTotal, criteria: criteria,
            bands: SatisfactionBands(bands), documentKinds: kinds)
    }
}
