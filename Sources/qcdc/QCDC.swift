import ArgumentParser
import Store

@main
struct QCDC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qcdc",
        abstract: "Cổng khảo sát sự hài lòng – chính quyền thân thiện (QCDC).",
        discussion: """
            Settings may also come from the environment: QCDC_HOST, QCDC_PORT, QCDC_DB, QCDC_PUBLIC_URL, QCDC_SECRET.
            The database defaults to ./var/qcdc.sqlite3 (its folder is created).
            """,
        subcommands: [
            Serve.self, Migrate.self, SeedDemo.self, Units.self, CampaignCommand.self, UserCommand.self,
            TokenCommand.self, KioskLink.self, RenderTokenCommand.self, FormCommand.self,
        ]
    )
}
