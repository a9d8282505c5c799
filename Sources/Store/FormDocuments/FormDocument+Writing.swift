/// Writes a document as JSON with the keys in the documented order, two spaces per level and one option per line, so
/// that a diff between two versions of a form shows the questions that changed and nothing else.
extension FormDocument {
    package func json() -> String {
        var lines: [String] = ["{"]
        lines.append("  \"code\": \(Self.quoted(code)),")
        lines.append("  \"title\": \(Self.quoted(title)),")
        lines.append("  \"owner\": \(owner.map(Self.quoted) ?? "null"),")
        lines.append("  \"organisation\": \(Self.quoted(organisation)),")
        lines.append("  \"respondents\": \(Self.quoted(respondents)),")
        lines.append("  \"unit_levels\": [\(unitLevels.map(Self.quoted).joined(separator: ", "))],")
        lines.append("  \"intro\": \(Self.quoted(intro)),")
        lines.append("  \"questions\": [")
        for (index, question) in questions.enumerated() {
            lines.append("    {")
            lines.append("      \"code\": \(Self.quoted(question.code)),")
            lines.append("      \"kind\": \(Self.quoted(question.kind.rawValue)),")
            lines.append("      \"text\": \(Self.quoted(question.text)),")
            lines.append("      \"help\": \(Self.quoted(question.help)),")
            lines.append("      \"required\": \(question.required),")
            lines.append("      \"required_when\": \(Self.reference(question.requiredWhen, withChosen: true)),")
            lines.append("      \"evaluative\": \(question.evaluative),")
            lines.append("      \"fact\": \(question.fact.map(Self.quoted) ?? "null"),")
            lines.append("      \"show_if\": \(Self.reference(question.showIf, withChosen: false)),")
            if question.options.isEmpty {
                lines.append("      \"options\": []")
            } else {
                lines.append("      \"options\": [")
                for (position, option) in question.options.enumerated() {
                    let polarity = option.polarity.map { Self.quoted($0.rawValue) } ?? "null"
                    let comma = position == question.options.count - 1 ? "" : ","
                    lines.append("        {\"label\": \(Self.quoted(option.label)), \"polarity\": \(polarity)}\(comma)")
                }
                lines.append("      ]")
            }
            lines.append(index == questions.count - 1 ? "    }" : "    },")
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func reference(_ reference: Reference?, withChosen: Bool) -> String {
        guard let reference else { return "null" }
        let chosen = withChosen ? ", \"chosen\": \(reference.chosen)" : ""
        return "{\"question\": \(quoted(reference.question)), \"option\": \(quoted(reference.option))\(chosen)}"
    }

    /// A JSON string: UTF-8 kept as it is (Vietnamese stays readable), quotes, backslashes and control characters
    /// escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
