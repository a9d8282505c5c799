import ArgumentParser
import Glibc
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
            TokenCommand.self, KioskLink.self, RenderTokenCommand.self, FormCommand.self, Backup.self, Restore.self,
            RetentionCommand.self,
        ]
    )

    /// Every file qcdc creates (the database, its WAL, backups, the key, uploads) is its owner's only: the umask is
    /// set before any command runs, whatever the shell's.
    static func main() async {
        umask(0o077)
        await main(nil)
    }
}
