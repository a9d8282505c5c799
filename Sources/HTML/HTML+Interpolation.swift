extension HTML {
    /// Builds markup from a literal with holes. Text holes are escaped; `HTML` holes are inserted as they are.
    /// There is deliberately no catch-all overload for arbitrary values: interpolating something without a
    /// clear rendering fails to compile instead of slipping through unescaped.
    public struct Interpolation: StringInterpolationProtocol {
        var output: [UInt8]

        public init(literalCapacity: Int, interpolationCount: Int) {
            output = []
            // Holes are usually short words and numbers; nested fragments grow the buffer as needed.
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal.utf8
        }

        /// Text: escaped, quotes included, so it is safe both between tags and inside a quoted attribute.
        public mutating func appendInterpolation(_ text: String) {
            HTMLEscaping.append(text, to: &output)
        }

        public mutating func appendInterpolation(_ text: Substring) {
            HTMLEscaping.append(text, to: &output)
        }

        /// Markup: inserted as it is, since it was escaped when it was built.
        public mutating func appendInterpolation(_ html: HTML) {
            output += html.bytes
        }

        public mutating func appendInterpolation(_ number: Int) {
            output += String(number).utf8
        }

        public mutating func appendInterpolation(_ number: Double) {
            output += String(number).utf8
        }

        /// A list of fragments, one after another.
        public mutating func appendInterpolation(_ parts: some Sequence<HTML>) {
            for part in parts { output += part.bytes }
        }

        /// A list of fragments with `separator` between them.
        public mutating func appendInterpolation(_ parts: some Sequence<HTML>, separator: HTML) {
            var first = true
            for part in parts {
                if !first { output += separator.bytes }
                output += part.bytes
                first = false
            }
        }
    }
}
