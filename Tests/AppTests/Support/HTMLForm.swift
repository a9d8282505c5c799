/// A form as the browser would send it: method, action, and its controls by name.
struct HTMLForm: Sendable {
    let element: HTMLElement
    let fields: [HTMLField]

    init(_ element: HTMLElement) {
        self.element = element
        fields = element.descendants().filter { ["input", "select", "textarea", "button"].contains($0.tag) }
            .compactMap { control in control["name"].map { _ in HTMLField(control) } }
    }

    /// Lower-cased; "get" when the form says nothing.
    var method: String { element["method"]?.lowercased() ?? "get" }
    var action: String? { element["action"] }
    var names: [String] { fields.map(\.name) }

    func field(_ name: String) -> HTMLField? { fields.first { $0.name == name } }
    func fields(named name: String) -> [HTMLField] { fields.filter { $0.name == name } }

    /// The text of the `.error` message shown with the field: the one its `aria-describedby` names, else the last
    /// one between the previous named control and this field, in page order (label, message, control). Found by
    /// order rather than by parent, because a message written as `<p>` inside a `<p>` ends that paragraph, as it
    /// does in a browser.
    func error(for name: String) -> String? {
        guard let field = field(name) else { return nil }
        let described = (field.element["aria-describedby"] ?? "").split(separator: " ")
            .compactMap { element.element(id: String($0)) }.filter { $0.hasClass("error") }
        if let message = described.first { return message.text }
        var message: String?
        for element in element.descendants() {
            if element.serial == field.element.serial { return message }
            if element.hasClass("error") {
                message = element.text
            } else if ["input", "select", "textarea"].contains(element.tag), element["name"] != nil {
                message = nil
            }
        }
        return nil
    }
}

/// One named control of a form.
struct HTMLField: Sendable {
    let element: HTMLElement

    init(_ element: HTMLElement) { self.element = element }

    var name: String { element["name"] ?? "" }
    /// An input's type (lower-cased, "text" when absent); "select", "textarea" or "button" for the others.
    var type: String {
        switch element.tag {
        case "input": element["type"]?.lowercased() ?? "text"
        case "button": "button"
        default: element.tag
        }
    }

    /// What the browser would send: an input's value, a textarea's text, a select's selected (or first) option.
    var value: String? {
        switch element.tag {
        case "textarea": return element.rawText.hasPrefix("\n") ? String(element.rawText.dropFirst()) : element.rawText
        case "select": return (options.first(where: \.isSelected) ?? options.first)?.value
        default: return element["value"]
        }
    }

    var isRequired: Bool { element["required"] != nil }
    var isChecked: Bool { element["checked"] != nil }
    var isDisabled: Bool { element["disabled"] != nil }
    var isReadOnly: Bool { element["readonly"] != nil }
    var min: String? { element["min"] }
    var max: String? { element["max"] }
    var maxLength: Int? { element["maxlength"].flatMap { Int($0) } }
    var id: String? { element.id }

    var options: [HTMLOption] {
        element.elements(tag: "option").map { option in
            HTMLOption(value: option["value"] ?? option.text, text: option.text, isSelected: option["selected"] != nil)
        }
    }
}

struct HTMLOption: Sendable, Equatable {
    let value: String
    let text: String
    let isSelected: Bool
}
