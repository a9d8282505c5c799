import HTML

/// One per-unit figure of a campaign, declared once in `UnitFigure.all` (UnitFigure+All.swift): its titles, where
/// it comes from, where it shows, how each output writes it and how it sorts. The dashboard's unit table (headers,
/// sort links, cells), the print page, the CSV/XLSX exports (`SummaryTables.communes`) and the API's communes list
/// (`APICommuneList`, `APICommuneItem`) are all generated from that list, in its order.
///
/// A figure has one typed value (`value`, an `ExportCell`): exports write it as it is, and by default the HTML cell
/// and the JSON value are derived from it (`html(for:)`, `jsonValue(for:)`); a figure overrides either when a
/// screen says more (answers with "hôm nay") or the API wants a code rather than a Vietnamese label.
package struct UnitFigure: Sendable {
    /// Where a figure is shown.
    package enum Output: Sendable, Hashable, CaseIterable {
        /// The unit table of the dashboard (`DashboardView`).
        case dashboard
        /// The table of the printable report (`PrintReportPage`), with the subtotal and total rows of `total`.
        case print
        /// CSV and XLSX (`SummaryTables.communes`).
        case export
        /// `GET /api/v1/campaigns/{id}/communes`, under `jsonKey`.
        case api
    }

    /// Unique among the figures; for a figure with an `order`, also its `?sort=` value on the dashboard.
    package let id: String
    /// The column title of the exports, in full.
    package let title: String
    /// The column title of the dashboard and the print page, where space is short.
    package let heading: String
    /// The column of `CampaignFigures.unitsSQL` the value is read from; nil for a figure worked out in Swift.
    package let sqlAlias: String?
    package let outputs: Set<Output>
    /// Shown in tables only when some unit has a district: the two-level map from 2025 has none. The API writes it
    /// always (as `null`), so every object has the same keys.
    package let needsDistricts: Bool
    /// The key in the API's objects when `outputs` has `.api`; the id when nil.
    package let jsonKey: String?
    /// How the dashboard sorts by this figure; nil when it does not.
    package let order: UnitOrder?
    package let value: @Sendable (CommuneSummary) -> ExportCell
    private let htmlOverride: (@Sendable (CommuneSummary) -> HTML)?
    private let jsonOverride: (@Sendable (CommuneSummary) -> ExportCell)?
    /// The figure over a group of units (the print page's subtotal and total rows); nil for a figure that does not
    /// add up (a code, a name, a date).
    package let total: (@Sendable (UnitTotal) -> ExportCell)?
    private let totalHTMLOverride: (@Sendable (UnitTotal) -> HTML)?

    package init(
        _ id: String, title: String, heading: String? = nil, sql sqlAlias: String? = nil, on outputs: Set<Output>,
        needsDistricts: Bool = false, json jsonKey: String? = nil, order: UnitOrder? = nil,
        html: (@Sendable (CommuneSummary) -> HTML)? = nil,
        jsonValue: (@Sendable (CommuneSummary) -> ExportCell)? = nil,
        total: (@Sendable (UnitTotal) -> ExportCell)? = nil, totalHTML: (@Sendable (UnitTotal) -> HTML)? = nil,
        value: @escaping @Sendable (CommuneSummary) -> ExportCell
    ) {
        self.id = id
        self.title = title
        self.heading = heading ?? title
        self.sqlAlias = sqlAlias
        self.outputs = outputs
        self.needsDistricts = needsDistricts
        self.jsonKey = jsonKey
        self.order = order
        self.value = value
        htmlOverride = html
        jsonOverride = jsonValue
        self.total = total
        totalHTMLOverride = totalHTML
    }

    /// The figures a table shows, in declaration order.
    package static func columns(for output: Output, withDistricts: Bool) -> [UnitFigure] {
        all.filter { $0.outputs.contains(output) && (withDistricts || !$0.needsDistricts) }
    }

    /// One unit as a table row of `columns`, classed by its quota status (`s-vuot` rows are highlighted).
    package static func tableRow(_ unit: CommuneSummary, columns: [UnitFigure]) -> HTML {
        let cells = columns.map { figure -> HTML in "<td>\(figure.html(for: unit))</td>" }
        return "<tr class=\"s-\(unit.quotaStatus.rawValue)\">\(cells)</tr>"
    }

    /// The figure of an id, if any.
    package static func named(_ id: String) -> UnitFigure? {
        all.first { $0.id == id }
    }

    /// A subtotal or total row under `columns`: `label` in the last column before the first figure that adds up
    /// (the name column), then each figure's total, an empty cell where a figure has none.
    package static func totalRow(
        label: String, _ total: UnitTotal, columns: [UnitFigure], class name: String
    ) -> HTML {
        let leading = max(1, columns.prefix { $0.total == nil }.count)
        let blank: HTML = "<td></td>"
        let blanks = Array(repeating: blank, count: leading - 1)
        let cells = columns.dropFirst(leading).map { figure -> HTML in "<td>\(figure.totalHTML(for: total))</td>" }
        return "<tr class=\"\(name)\">\(blanks)<th scope=\"row\">\(label)</th>\(cells)</tr>"
    }

    /// The content of the figure's `<td>`: the override, or the value as the dashboards print numbers ("87,5%",
    /// "12/06/2024"); an empty value is an empty cell.
    package func html(for unit: CommuneSummary) -> HTML {
        htmlOverride?(unit) ?? Self.screen(value(unit))
    }

    /// The content of the figure's cell in a subtotal or total row; empty for a figure that does not add up.
    package func totalHTML(for total: UnitTotal) -> HTML {
        if let totalHTMLOverride { return totalHTMLOverride(total) }
        return self.total.map { Self.screen($0(total)) } ?? .empty
    }

    /// A typed value as screens and print pages write it (`Format`): "3.321", "4,25", "87,5%", "12/06/2024".
    package static func screen(_ cell: ExportCell) -> HTML {
        switch cell {
        case .text(let text): "\(text)"
        case .integer(let number): "\(Format.count(number))"
        case .decimal(let number, let digits): "\(Format.decimal(number, digits: digits))"
        case .percentage(let share): "\(Format.percent(share))"
        case .date(let date): "\(date.vietnamese)"
        case .empty: .empty
        }
    }

    /// The API's value: the override or `value`. `JSONCell` says how each case is written.
    package func jsonValue(for unit: CommuneSummary) -> ExportCell {
        jsonOverride?(unit) ?? value(unit)
    }
}
