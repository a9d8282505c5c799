import Survey

/// The checks behind `FormDocument.read`: each field's type, values and limits, references to earlier questions;
/// every problem is recorded with its line and path, and reading goes on so one run lists them all.
struct FormDocumentReader {
    var problems: [FormDocumentError.Problem] = []
    /// Every question code met so far, even of a question refused for another reason.
    var codes: Set<String> = []

    mutating func problem(_ node: JSONNode, _ path: String, _ message: String) {
        problems.append(.init(line: node.line, path: path, message: message))
    }

    /// The members of an object, refusing keys the format does not have (a misspelt "requried" would otherwise be
    /// silently ignored).
    mutating func object(_ node: JSONNode, _ path: String, keys: [String]) -> Bool {
        guard case .object(let members) = node.value else {
            problem(node, path, "cần một đối tượng { … }, gặp \(node.kindName)")
            return false
        }
        for member in members where !keys.contains(member.key) {
            let place = path.isEmpty ? member.key : "\(path).\(member.key)"
            problem(member.value, place, "khóa không có trong định dạng; các khóa: \(keys.joined(separator: ", "))")
        }
        return true
    }

    mutating func string(
        _ parent: JSONNode, _ key: String, _ path: String, required: Bool = true, limit: Int, empty: Bool = false
    ) -> String? {
        let place = path.isEmpty ? key : "\(path).\(key)"
        guard let node = parent[key] else {
            if required { problem(parent, place, "thiếu khóa “\(key)”") }
            return nil
        }
        guard case .string(let raw) = node.value else {
            problem(node, place, "cần một chuỗi, gặp \(node.kindName)")
            return nil
        }
        let text = SearchText.clean(raw)
        if text.isEmpty, !empty {
            problem(node, place, "không được để trống")
            return nil
        }
        if text.count > limit {
            problem(node, place, "dài quá \(limit) ký tự")
            return nil
        }
        return text
    }

    mutating func optionalString(_ parent: JSONNode, _ key: String, _ path: String, limit: Int) -> String?? {
        guard let node = parent[key], node.value != .null else { return .some(nil) }
        guard let text = string(parent, key, path, limit: limit) else { return nil }
        return .some(text)
    }

    mutating func bool(_ parent: JSONNode, _ key: String, _ path: String, default value: Bool) -> Bool {
        guard let node = parent[key] else { return value }
        guard case .bool(let flag) = node.value else {
            problem(node, "\(path).\(key)", "cần true hoặc false, gặp \(node.kindName)")
            return value
        }
        return flag
    }

    mutating func document(_ root: JSONNode) -> FormDocument? {
        guard
            object(
                root, "",
                keys: ["code", "title", "owner", "organisation", "respondents", "unit_levels", "intro", "questions"])
        else { return nil }
        let code = string(root, "code", "", limit: 20)
        if let code, !Self.isFormCode(code), let node = root["code"] {
            problem(node, "code", "mã mẫu phiếu gồm chữ in hoa không dấu, chữ số, “-” hoặc “_”, tối đa 20 ký tự")
        }
        let title = string(root, "title", "", limit: FormDocument.maxTitleLength)
        let owner = optionalString(root, "owner", "", limit: 20)
        let organisation = string(root, "organisation", "", required: false, limit: 300, empty: true) ?? ""
        var respondents = "citizens"
        if let node = root["respondents"] {
            if let value = string(root, "respondents", "", limit: 40) {
                if FormDocument.respondentKinds.contains(value) {
                    respondents = value
                } else {
                    problem(node, "respondents", "một trong \(FormDocument.respondentKinds.joined(separator: ", "))")
                }
            }
        }
        let unitLevels = levels(root)
        let intro = string(root, "intro", "", required: false, limit: FormDocument.maxTextLength, empty: true) ?? ""
        let questions = self.questions(root)
        guard let code, let title, let owner, let questions, problems.isEmpty else { return nil }
        return FormDocument(
            code: code, title: title, owner: owner, organisation: organisation, respondents: respondents,
            unitLevels: unitLevels, intro: intro, questions: questions)
    }

    static func isFormCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 20
            && code.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
    }

    /// Question codes are form field names beside the page's own fields ("website", the token): "q" and a number.
    static func isQuestionCode(_ code: String) -> Bool {
        let digits = code.dropFirst()
        return code.first == "q" && (1...3).contains(digits.count) && digits.first != "0"
            && digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    mutating func levels(_ root: JSONNode) -> [String] {
        guard let node = root["unit_levels"] else { return ["commune"] }
        guard case .array(let items) = node.value, !items.isEmpty else {
            problem(node, "unit_levels", "cần một mảng không rỗng, ví dụ [\"commune\"]")
            return []
        }
        var levels: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let level) = item.value, FormDocument.unitLevels.contains(level),
                !levels.contains(level)
            else {
                problem(item, "unit_levels[\(index)]", "\"commune\" hoặc \"district\", mỗi cấp một lần")
                continue
            }
            levels.append(level)
        }
        return levels
    }

    mutating func questions(_ root: JSONNode) -> [FormDocument.Question]? {
        guard let node = root["questions"] else {
            problem(root, "questions", "thiếu khóa “questions”")
            return nil
        }
        guard case .array(let items) = node.value else {
            problem(node, "questions", "cần một mảng câu hỏi, gặp \(node.kindName)")
            return nil
        }
        if items.isEmpty { problem(node, "questions", "mẫu phiếu phải có ít nhất một câu hỏi") }
        if items.count > FormDocument.maxQuestions {
            problem(node, "questions", "tối đa \(FormDocument.maxQuestions) câu hỏi, gặp \(items.count)")
            return nil
        }
        var questions: [FormDocument.Question] = []
        for (index, item) in items.enumerated() {
            if let question = self.question(item, "questions[\(index)]", earlier: questions) {
                questions.append(question)
            }
        }
        return questions.count == items.count ? questions : nil
    }

    mutating func question(
        _ node: JSONNode, _ path: String, earlier: [FormDocument.Question]
    ) -> FormDocument.Question? {
        let keys = [
            "code", "kind", "text", "help", "required", "required_when", "evaluative", "fact", "show_if", "options",
        ]
        guard object(node, path, keys: keys) else { return nil }
        let before = problems.count
        let code = string(node, "code", path, limit: 20)
        if let code, let codeNode = node["code"] {
            if !Self.isQuestionCode(code) {
                problem(codeNode, "\(path).code", "mã câu hỏi là “q” và một số, ví dụ \"q3\"")
            } else if codes.contains(code) {
                problem(codeNode, "\(path).code", "mã câu hỏi “\(code)” trùng với một câu trước")
            }
            codes.insert(code)
        }
        var kind: QuestionKind?
        if let raw = string(node, "kind", path, limit: 20), let kindNode = node["kind"] {
            kind = QuestionKind(rawValue: raw)
            if kind == nil {
                let kinds = QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")
                problem(kindNode, "\(path).kind", "loại câu hỏi “\(raw)” không có; dùng một trong \(kinds)")
            }
        }
        let text = string(node, "text", path, limit: FormDocument.maxTextLength)
        let help = string(node, "help", path, required: false, limit: FormDocument.maxTextLength, empty: true) ?? ""
        let required = bool(node, "required", path, default: false)
        let evaluative = bool(node, "evaluative", path, default: false)
        var fact: String?
        if let factNode = node["fact"], factNode.value != .null {
            fact = string(node, "fact", path, limit: 40)
            if let value = fact, !FormDocument.facts.contains(value) {
                problem(factNode, "\(path).fact", "null hoặc một trong \(FormDocument.facts.joined(separator: ", "))")
            }
        }
        if let kind, evaluative, !kind.isChoice, let flag = node["evaluative"] {
            problem(flag, "\(path).evaluative", "chỉ câu hỏi có lựa chọn mới tính vào mức hài lòng")
        }
        let options = self.options(node, path, kind: kind, evaluative: evaluative)
        let showIf = reference(node, "show_if", path, earlier: earlier, withChosen: false)
        let requiredWhen = reference(node, "required_when", path, earlier: earlier, withChosen: true)
        if case .some(.some) = requiredWhen, !required, let conditionNode = node["required_when"] {
            problem(conditionNode, "\(path).required_when", "chỉ dùng cho câu hỏi có \"required\": true")
        }
        guard problems.count == before, let code, let kind, let text, let options, let showIf, let requiredWhen
        else { return nil }
        return FormDocument.Question(
            code: code, kind: kind, text: text, help: help, required: required, requiredWhen: requiredWhen,
            evaluative: evaluative, fact: fact, showIf: showIf, options: options)
    }

    mutating func options(
        _ node: JSONNode, _ path: String, kind: QuestionKind?, evaluative: Bool
    ) -> [FormDocument.Option]? {
        let place = "\(path).options"
        let items: [JSONNode]
        if let optionsNode = node["options"] {
            guard case .array(let array) = optionsNode.value else {
                problem(optionsNode, place, "cần một mảng lựa chọn, gặp \(optionsNode.kindName)")
                return nil
            }
            items = array
            if let kind, kind.isChoice, array.count < 2 {
                problem(optionsNode, place, "câu hỏi có lựa chọn cần ít nhất 2 lựa chọn")
            } else if let kind, !kind.isChoice, !array.isEmpty {
                problem(optionsNode, place, "câu trả lời bằng chữ không có lựa chọn")
            }
            if array.count > FormDocument.maxOptions {
                problem(optionsNode, place, "tối đa \(FormDocument.maxOptions) lựa chọn, gặp \(array.count)")
                return nil
            }
        } else {
            items = []
            if let kind, kind.isChoice { problem(node, place, "thiếu khóa “options”") }
        }
        var options: [FormDocument.Option] = []
        for (index, item) in items.enumerated() {
            let optionPath = "\(place)[\(index)]"
            guard object(item, optionPath, keys: ["label", "polarity"]) else { continue }
            let label = string(item, "label", optionPath, limit: FormDocument.maxLabelLength)
            if let label, options.contains(where: { $0.label == label }), let labelNode = item["label"] {
                problem(labelNode, "\(optionPath).label", "lựa chọn “\(label)” trùng với một lựa chọn trước")
            }
            var polarity: Polarity?
            if let polarityNode = item["polarity"], polarityNode.value != .null {
                if case .string(let raw) = polarityNode.value, let value = Polarity(rawValue: raw) {
                    polarity = value
                    if !evaluative {
                        problem(
                            polarityNode, "\(optionPath).polarity",
                            "chỉ câu hỏi đánh giá (\"evaluative\": true) mới có mức; để null")
                    }
                } else {
                    problem(polarityNode, "\(optionPath).polarity", "null, \"positive\", \"neutral\" hoặc \"negative\"")
                }
            } else if evaluative {
                problem(
                    item, "\(optionPath).polarity",
                    "câu hỏi đánh giá cần mức cho mọi lựa chọn: positive, neutral hoặc negative")
            }
            if let label { options.append(FormDocument.Option(label: label, polarity: polarity)) }
        }
        return options.count == items.count ? options : nil
    }

    /// A follow-up or a condition: an option of an EARLIER choice question, by its code and label. `.some(nil)`
    /// when absent or null; nil after a problem.
    mutating func reference(
        _ node: JSONNode, _ key: String, _ path: String, earlier: [FormDocument.Question], withChosen: Bool
    ) -> FormDocument.Reference?? {
        guard let referenceNode = node[key], referenceNode.value != .null else { return .some(nil) }
        let place = "\(path).\(key)"
        let keys = withChosen ? ["question", "option", "chosen"] : ["question", "option"]
        guard object(referenceNode, place, keys: keys) else { return nil }
        guard let question = string(referenceNode, "question", place, limit: 20),
            let option = string(referenceNode, "option", place, limit: FormDocument.maxLabelLength)
        else { return nil }
        var chosen = true
        if withChosen {
            guard let chosenNode = referenceNode["chosen"], case .bool(let flag) = chosenNode.value else {
                problem(referenceNode, "\(place).chosen", "cần true (bắt buộc khi đã chọn) hoặc false (khi không chọn)")
                return nil
            }
            chosen = flag
        }
        guard let target = earlier.first(where: { $0.code == question }) else {
            let node = referenceNode["question"] ?? referenceNode
            problem(node, "\(place).question", "“\(question)” không phải một câu hỏi đứng trước câu này")
            return nil
        }
        guard target.options.contains(where: { $0.label == option }) else {
            let node = referenceNode["option"] ?? referenceNode
            problem(node, "\(place).option", "câu “\(question)” không có lựa chọn “\(option)”")
            return nil
        }
        return .some(FormDocument.Reference(question: question, option: option, chosen: chosen))
    }
}
