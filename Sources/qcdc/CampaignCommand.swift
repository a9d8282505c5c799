import App
import ArgumentParser
import Database
import Store
import Survey

struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Survey campaigns (đợt khảo sát).",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an open campaign over the unit set in force today; prints its id.",
            discussion: """
                Without --owner the province runs the campaign; with --owner a district runs it for its communes \
                (and its desk), a commune for itself. Without --district or --unit the campaign covers the owner's \
                scope (the province: every unit the form runs at); coverage outside it is refused.
                """)

        @OptionGroup var database: DatabaseOption

        @Option(help: "Form code, PKS01 … PKS07.")
        var form: String

        @Option(help: "Title shown to respondents.")
        var title: String

        @Option(help: "First day (YYYY-MM-DD, Hanoi time).")
        var starts: String

        @Option(help: "Last day (YYYY-MM-DD, Hanoi time).")
        var ends: String

        @Option(help: "Limit to the communes of this district (repeatable).")
        var district: [String] = []

        @Option(help: "Limit to this unit (repeatable).")
        var unit: [String] = []

        @Option(help: "The unit that runs the campaign (a district or commune code); the province if omitted.")
        var owner: String?

        func run() throws {
            guard let startsOn = LocalDate(iso: starts), let endsOn = LocalDate(iso: ends) else {
                throw ValidationError("--starts và --ends phải có dạng YYYY-MM-DD.")
            }
            guard district.isEmpty || unit.isEmpty else {
                throw ValidationError("Chọn --district hoặc --unit, không dùng cả hai.")
            }
            var campaign = NewCampaign(formCode: form.uppercased(), title: title, startsOn: startsOn, endsOn: endsOn)
            campaign.scope = !district.isEmpty ? .districts(district) : !unit.isEmpty ? .units(unit) : .all
            campaign.owner = owner
            let connection = try Connection(path: database.resolvedPath)
            let clock = SystemClock.wall
            let id = try CampaignStore(connection).create(campaign, today: clock.today, now: clock.nowSeconds)
            print("Đã tạo đợt khảo sát \(id)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List campaigns.")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let connection = try Connection(path: database.resolvedPath)
            for campaign in try CampaignStore(connection).all() {
                let units =
                    try connection.scalar(
                        "SELECT count(*) FROM campaign_units WHERE campaign_id = ?",
                        [campaign.id], as: Int.self) ?? 0
                print(
                    "\(campaign.id)\t\(campaign.formCode)\t\(campaign.ownerUnitCode ?? "tỉnh")\t\(campaign.schedule.startsOn.iso)…\(campaign.schedule.endsOn.iso)\t\(campaign.schedule.state.rawValue)\t\(units) đơn vị\t\(campaign.title)"
                )
            }
        }
    }
}
