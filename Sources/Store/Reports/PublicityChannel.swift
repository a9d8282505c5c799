/// The ways a commune publicised the survey on a day, as the daily report lists them.
public enum PublicityChannel: String, Sendable, Hashable, CaseIterable, Comparable {
    case noticeBoard = "niem_yet"
    case loudspeaker = "loa"
    case website = "trang_tin"
    case socialMedia = "mang_xa_hoi"
    case meeting = "hoi_nghi"

    public var label: String {
        switch self {
        case .noticeBoard: "Niêm yết"
        case .loudspeaker: "Loa truyền thanh"
        case .website: "Trang tin điện tử"
        case .socialMedia: "Mạng xã hội"
        case .meeting: "Hội nghị"
        }
    }

    /// The order of the paper form, so a stored set always prints the same way.
    package var rank: Int {
        switch self {
        case .noticeBoard: 0
        case .loudspeaker: 1
        case .website: 2
        case .socialMedia: 3
        case .meeting: 4
        }
    }

    public static func < (lhs: PublicityChannel, rhs: PublicityChannel) -> Bool { lhs.rank < rhs.rank }

    /// "niem_yet,loa": how a set is stored.
    package static func encode(_ channels: Set<PublicityChannel>) -> String {
        channels.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Unknown codes (from a future version) are skipped rather than failing the whole report.
    package static func decode(_ text: String) -> Set<PublicityChannel> {
        Set(text.split(separator: ",").compactMap { PublicityChannel(rawValue: String($0)) })
    }
}
