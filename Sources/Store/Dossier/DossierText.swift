/// How the dossier writes points and the satisfaction proposal in notes and audit details.
enum DossierText {
    static func points(_ value: Double) -> String { Format.points(value) }

    /// The note of a proposed satisfaction score.
    static func proposalNote(_ share: Double?) -> String {
        guard let share else { return "Đề xuất tự động: chưa có chỉ số hài lòng năm (chưa đủ phiếu)" }
        return "Đề xuất tự động từ chỉ số hài lòng năm \(Format.percent(share))"
    }
}

extension Format {
    /// Points as the score tables write them: "12,5", "20", "7,25"; "–" when missing.
    package static func points(_ value: Double?) -> String {
        var text = decimal(value, digits: 2)
        guard text.contains(",") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text
    }
}

extension String {
    /// Without leading and trailing white space (comments and decision numbers as typed).
    package var dossierTrimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
