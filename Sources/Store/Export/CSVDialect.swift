/// The two CSV flavours people open: `,` with "." decimals and ISO dates (what most tools read), and `;` with ","
/// decimals and dd/mm/yyyy dates, what Excel set to the Vietnamese locale opens in columns on a double-click.
public enum CSVDialect: Sendable, Hashable, CaseIterable {
    case comma
    case semicolon

    package var separator: UInt8 { self == .comma ? UInt8(ascii: ",") : UInt8(ascii: ";") }
    package var decimalMark: Character { self == .comma ? "." : "," }
}
