/// A fragment of markup that is safe to send: every piece of text that went into it was escaped on the way in.
///
/// Escaping happens by construction. Interpolating a `String` into an `HTML` literal escapes it; interpolating an
/// `HTML` inserts it unchanged, so nesting never double-escapes. The only way to put unescaped text in is
/// `HTML(unsafeRaw:)`, which is easy to grep for in review.
///
///     let row: HTML = "<td title=\"\(note)\">\(name)</td>"   // `note` and `name` are escaped
///     let page: HTML = "<table>\(rows)</table>"              // `rows: [HTML]` inserted as they are
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup, already escaped.
    public private(set) var rendered: String

    /// Markup taken as it is, without escaping. Only for text that is markup by design and never carries
    /// user input (a vetted SVG from our own QR encoder, a constant snippet).
    public init(unsafeRaw markup: String) {
        rendered = markup
    }

    /// A literal written in source code is markup chosen by the programmer, so it is trusted as it is.
    public init(stringLiteral literal: String) {
        rendered = literal
    }

    public init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.output
    }

    /// Plain text, escaped.
    public init(text: String) {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        HTMLEscaping.append(text, to: &output)
        rendered = output
    }

    public static let empty = HTML(unsafeRaw: "")

    public var isEmpty: Bool { rendered.isEmpty }

    public var description: String { rendered }

    /// The UTF-8 bytes of the markup, ready for a response body.
    public var bytes: [UInt8] { Array(rendered.utf8) }

    /// Fragments one after another, with `separator` between them.
    public static func join(_ parts: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
        var output = ""
        var first = true
        for part in parts {
            if !first { output += separator.rendered }
            output += part.rendered
            first = false
        }
        return HTML(unsafeRaw: output)
    }

    public mutating func append(_ other: HTML) {
        rendered += other.rendered
    }

    /// Appends plain text, escaped.
    public mutating func append(text: String) {
        HTMLEscaping.append(text, to: &rendered)
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(unsafeRaw: lhs.rendered + rhs.rendered)
    }

    public static func += (lhs: inout HTML, rhs: HTML) {
        lhs.append(rhs)
    }
}
