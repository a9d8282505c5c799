/// Turns markup into a tree in one pass over its UTF-8 bytes. Tolerant in the ways the server's own pages need and
/// no further: unquoted and bare attributes, void elements with or without `/>`, `<script>`/`<style>` as raw text,
/// `<textarea>`/`<title>` as text without tags, comments and the doctype skipped, an end tag with no open element
/// ignored, and the implied ends of `li`, `option`, `p`, table rows and cells.
struct HTMLTreeBuilder {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    static let rawTextElements: Set<String> = ["script", "style"]
    static let escapableRawTextElements: Set<String> = ["textarea", "title"]
    private static let blocks: Set<String> = [
        "p", "div", "ul", "ol", "dl", "table", "form", "fieldset", "section", "nav", "header", "footer", "main",
        "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "figure", "hr",
    ]
    /// An open element ends when one of these starts.
    private static let endedBy: [String: Set<String>] = [
        "li": ["li"], "option": ["option", "optgroup"], "optgroup": ["optgroup"],
        "td": ["td", "th", "tr", "tbody", "tfoot"], "th": ["td", "th", "tr", "tbody", "tfoot"],
        "tr": ["tr", "tbody", "tfoot"], "thead": ["tbody", "tfoot"], "tbody": ["tbody", "tfoot"],
        "dt": ["dt", "dd"], "dd": ["dt", "dd"], "p": blocks,
    ]

    private struct OpenElement {
        let tag: String
        let attributes: [String: String]
        let serial: Int
        var children: [HTMLNode] = []
    }

    private let bytes: [UInt8]
    private var position = 0
    private var stack: [OpenElement]
    private var serial = 0

    private init(_ text: String) {
        bytes = Array(text.utf8)
        stack = [OpenElement(tag: "#document", attributes: [:], serial: 0)]
    }

    /// The whole page under a `#document` element.
    static func parse(_ text: String) -> HTMLElement {
        var builder = HTMLTreeBuilder(text)
        return builder.run()
    }

    private mutating func run() -> HTMLElement {
        var textStart = 0
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<"), position + 1 < bytes.count else {
                position += 1
                continue
            }
            let next = bytes[position + 1]
            guard isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
            else {
                position += 1
                continue
            }
            appendText(from: textStart, to: position)
            markup()
            textStart = position
        }
        appendText(from: textStart, to: bytes.count)
        while stack.count > 1 { closeTop() }
        return HTMLElement(tag: "#document", attributes: [:], children: stack[0].children, serial: 0)
    }

    // MARK: - Markup

    private mutating func markup() {
        if starts(with: "<!--") {
            let end = find("-->", from: position + 4) ?? bytes.count
            stack[stack.count - 1].children.append(.comment(string(position + 4, end)))
            position = min(end + 3, bytes.count)
        } else if bytes[position + 1] == UInt8(ascii: "!") || bytes[position + 1] == UInt8(ascii: "?") {
            position = (find(">", from: position) ?? bytes.count - 1) + 1
        } else if bytes[position + 1] == UInt8(ascii: "/") {
            position += 2
            let name = readName()
            position = (find(">", from: position) ?? bytes.count - 1) + 1
            close(name)
        } else {
            startTag()
        }
    }

    private mutating func startTag() {
        position += 1
        let tag = readName()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while position < bytes.count {
            skipWhitespace()
            guard position < bytes.count else { break }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                break
            }
            if starts(with: "/>") {
                selfClosing = true
                position += 2
                break
            }
            if bytes[position] == UInt8(ascii: "/") {
                position += 1
                continue
            }
            let name = readAttributeName()
            skipWhitespace()
            var value = ""
            if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                position += 1
                skipWhitespace()
                value = readAttributeValue()
            }
            if attributes[name] == nil { attributes[name] = value }
        }
        open(tag, attributes: attributes)
        if Self.voidElements.contains(tag) || selfClosing {
            closeTop()
        } else if Self.rawTextElements.contains(tag) || Self.escapableRawTextElements.contains(tag) {
            let end = findEndTag(tag)
            let content = string(position, end)
            stack[stack.count - 1].children.append(
                .text(Self.rawTextElements.contains(tag) ? content : HTMLEntities.decode(content[...])))
            position = end
        }
    }

    private mutating func readName() -> String {
        let start = position
        while position < bytes.count, !isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ">"),
            bytes[position] != UInt8(ascii: "/")
        {
            position += 1
        }
        return string(start, position).lowercased()
    }

    private mutating func readAttributeName() -> String {
        let start = position
        position += 1  // a name is at least one byte, even an odd one such as a stray quote
        while position < bytes.count, !isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "="),
            bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "/")
        {
            position += 1
        }
        return string(start, position).lowercased()
    }

    private mutating func readAttributeValue() -> String {
        guard position < bytes.count else { return "" }
        let quote = bytes[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let end = bytes[(position + 1)...].firstIndex(of: quote) ?? bytes.count
            let value = string(position + 1, end)
            position = min(end + 1, bytes.count)
            return HTMLEntities.decode(value[...])
        }
        let start = position
        while position < bytes.count, !isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        return HTMLEntities.decode(string(start, position)[...])
    }

    // MARK: - Tree

    private mutating func open(_ tag: String, attributes: [String: String]) {
        while stack.count > 1, Self.endedBy[stack[stack.count - 1].tag]?.contains(tag) == true { closeTop() }
        serial += 1
        stack.append(OpenElement(tag: tag, attributes: attributes, serial: serial))
    }

    private mutating func close(_ tag: String) {
        guard let index = stack.lastIndex(where: { $0.tag == tag }), index > 0 else { return }
        while stack.count > index { closeTop() }
    }

    private mutating func closeTop() {
        let top = stack.removeLast()
        let element = HTMLElement(tag: top.tag, attributes: top.attributes, children: top.children, serial: top.serial)
        stack[stack.count - 1].children.append(.element(element))
    }

    private mutating func appendText(from start: Int, to end: Int) {
        guard start < end else { return }
        stack[stack.count - 1].children.append(.text(HTMLEntities.decode(string(start, end)[...])))
    }

    // MARK: - Bytes

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<max(start, min(end, bytes.count))], as: UTF8.self)
    }

    private func starts(with literal: String) -> Bool {
        let pattern = Array(literal.utf8)
        return position + pattern.count <= bytes.count && Array(bytes[position..<position + pattern.count]) == pattern
    }

    private func find(_ literal: String, from start: Int) -> Int? {
        let pattern = Array(literal.utf8)
        guard start + pattern.count <= bytes.count else { return nil }
        return (start...(bytes.count - pattern.count)).first { Array(bytes[$0..<$0 + pattern.count]) == pattern }
    }

    /// Where `</tag` starts (any case), or the end of the input.
    private func findEndTag(_ tag: String) -> Int {
        let pattern = Array(("</" + tag).utf8)
        var index = position
        while index + pattern.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"),
                zip(bytes[index..<index + pattern.count], pattern).allSatisfy({ lower($0) == $1 })
            {
                return index
            }
            index += 1
        }
        return bytes.count
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, isWhitespace(bytes[position]) { position += 1 }
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        lower(byte) >= UInt8(ascii: "a") && lower(byte) <= UInt8(ascii: "z")
    }

    private func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
