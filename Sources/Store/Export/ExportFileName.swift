import Survey

/// What an exported file is called, so a folder of downloads says what each file holds without opening it: the
/// form, the campaign, whose units, and the day of the figures, e.g.
/// `PKS02_khao-sat-quy-4_huyen-07200-nam-dan_2026-12-02.xlsx`.
///
/// Two spellings of the same name: `ascii` for `filename=` (old clients, and every file system), `full` with the
/// Vietnamese letters for `filename*=` (RFC 6266, RFC 5987), which current browsers prefer. Both are built from the
/// same words, so they never name different things.
package struct ExportFileName: Sendable, Hashable {
    /// Whose units the file holds.
    package enum Scope: Sendable, Hashable {
        case province
        case district(code: String, name: String)
        case commune(code: String)
    }

    package let ascii: String
    package let full: String

    /// Longest title part, in ASCII characters: long enough to tell campaigns apart, short enough that the whole
    /// name stays readable in a file list (and far below any file system's 255-byte limit).
    package static let titleLength = 40
    package static let districtLength = 30

    package init(
        formCode: String, campaignTitle: String, campaignID: Int64, scope: Scope, date: LocalDate,
        fileExtension: String
    ) {
        let form = Slug.code(formCode)
        // A title of punctuation or foreign script alone slugs to nothing; the campaign number still names it.
        let title =
            Slug(campaignTitle, limit: Self.titleLength)
            ?? Slug(ascii: "dot-\(campaignID)", full: "đợt-\(campaignID)")
        let place: Slug =
            switch scope {
            case .province: Slug(ascii: "toan-tinh", full: "toàn-tỉnh")
            case .commune(let code): Slug(ascii: "xa-\(Slug.code(code))", full: "xã-\(Slug.code(code))")
            case .district(let code, let name):
                // "Huyện Nam Đàn" is "huyen-07200-nam-dan", not "huyen-07200-huyen-nam-dan"; "Thành phố …" keeps its word.
                Slug(ascii: "huyen-\(Slug.code(code))", full: "huyện-\(Slug.code(code))")
                    .appending(Slug(name, limit: Self.districtLength, dropping: "huyện"))
            }
        let parts = [form.isEmpty ? nil : form, title.ascii, place.ascii, date.iso].compactMap { $0 }
        let fullParts = [form.isEmpty ? nil : form, title.full, place.full, date.iso].compactMap { $0 }
        ascii = parts.joined(separator: "_") + "." + fileExtension
        full = SearchText.nfc(fullParts.joined(separator: "_") + "." + fileExtension)
    }

    /// `attachment; filename="…"; filename*=UTF-8''…`. The ASCII name holds only letters, digits, "-", "_" and ".",
    /// so it needs no quoting inside the quoted string.
    package var contentDisposition: String {
        "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(Self.percentEncoded(full))"
    }

    /// RFC 5987 `value-chars`: the attr-chars as they are, every other UTF-8 byte as %XX.
    package static func percentEncoded(_ text: String) -> String {
        let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            if plain.contains(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
