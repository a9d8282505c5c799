/// A fragment of markup that is safe to send: every piece of text that went into it was escaped on the way in.
///
/// Escaping happens by construction. Interpolating a `String` into an `HTML` literal escapes it; interpolating an
/// `HTML` inserts it unchanged, so nesting never double-escapes. The only way to put unescaped text in is
/// `HTML(unsafeRaw:)`, which is easy to grep for in review.
///
///     let row: HTML = "<td title=\"\(note)\">\(name)</td>"   // `note` and `name` are escaped
///     let page: HTML = "<table>\(rows)</table>"              // `rows: [HTML]` inserted as they are
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup as UTF-8, already escaped. Kept as bytes because that is what a response body needs and
    /// because appending bytes is a plain copy, without the per-append checks a `String` does.
    public private(set) var bytes: [UInt8]

    /// Markup taken as it is, without escaping. Only for text that is markup by design and never carries
    /// user input (a vetted SVG from our own QR encoder, a constant snippet).
    public init(unsafeRaw markup: String) {
        bytes = Array(markup.utf8)
    }

    /// A literal written in source code is markup chosen by the programmer, so it is trusted as it is.
    public init(stringLiteral literal: String) {
        bytes = Array(literal.utf8)
    }

    public init(stringInterpolation: Interpolation) {
        bytes = stringInterpolation.output
    }

    /// Plain text, escaped.
    public init(text: String) {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        HTMLEscaping.append(text, to: &output)
        bytes = output
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public static let empty = HTML(bytes: [])

    public var isEmpty: Bool { bytes.isEmpty }

    /// The markup as text (for tests and logs; responses take `bytes`).
    public var rendered: String { String(decoding: bytes, as: UTF8.self) }

    public var description: String { rendered }

    /// Fragments one after another, with `separator` between them.
    public static func join(_ parts: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
        var output: [UInt8] = []
        var first = true
        for part in parts {
            if !first { output += separator.bytes }
            output += part.bytes
            first = false
        }
        return HTML(bytes: output)
    }

    public mutating func append(_ other: HTML) {
        bytes += other.bytes
    }

    /// Appends plain text, escaped.
    public mutating func append(text: String) {
        HTMLEscaping.append(text, to: &bytes)
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(bytes: lhs.bytes + rhs.bytes)
    }

    public static func += (lhs: inout HTML, rhs: HTML) {
        lhs.append(rhs)
    }
}
