import Store

/// `GET /api/v1/years/{year}/dossiers/shares`: the list page's section "Tỷ lệ xã được công nhận" — the communes in
/// the caller's scope counted per district (`RecognitionShare.byDistrict`, as the page counts them) and in total,
/// against the yearly target. Shares are rounded to 4 decimals like the API's other shares; every key is written.
struct APIDossierShares: Encodable, Sendable {
    /// The counts of a group of communes, keyed as every line writes them.
    enum CountKeys: String, CodingKey {
        case code, name, communes, started, submitted, decided, recognised, share, reached
    }

    /// The province's line (or the narrowed district's), the page's sentence above the table.
    struct Total: Encodable, Sendable {
        let share: RecognitionShare

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CountKeys.self)
            try APIDossierShares.encodeCounts(share, into: &container)
        }
    }

    /// A district's line; `code` is null for communes that belong to no district.
    struct District: Encodable, Sendable {
        let share: RecognitionShare
        let reached: Bool

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CountKeys.self)
            try container.encode(share.code, forKey: .code)
            try container.encode(share.name, forKey: .name)
            try APIDossierShares.encodeCounts(share, into: &container)
            try container.encode(reached, forKey: .reached)
        }
    }

    static func encodeCounts(_ share: RecognitionShare, into container: inout KeyedEncodingContainer<CountKeys>)
        throws
    {
        try container.encode(share.communes, forKey: .communes)
        try container.encode(share.started, forKey: .started)
        try container.encode(share.submitted, forKey: .submitted)
        try container.encode(share.decided, forKey: .decided)
        try container.encode(share.recognised, forKey: .recognised)
        try container.encode(APIJSON.share(share.share), forKey: .share)
    }

    let year: Int
    let targetShare: Double
    let total: Total
    let districts: [District]

    init(year: Int, communes: [DossierListItem], target: Double) {
        let shares = RecognitionShare.byDistrict(communes)
        self.year = year
        targetShare = APIJSON.share(target)
        total = Total(share: shares.total)
        districts = shares.districts.map { District(share: $0, reached: $0.reaches(target)) }
    }
}
