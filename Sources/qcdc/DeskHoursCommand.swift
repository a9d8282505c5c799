import ArgumentParser
import Database
import Store
import Survey

/// `qcdc units desk-hours --unit CODE [--set HOURS | --default]`: shows or sets the hours of a unit's one-stop desk,
/// which the off-hours flag compares answers with.
struct DeskHoursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk-hours",
        abstract: "Show or set a unit's desk hours (the off-hours flag).",
        discussion: """
            Without --set or --default, prints the unit's hours. HOURS: WEEKDAYS=HH:MM-HH:MM[,HH:MM-HH:MM];…
            with ISO weekdays (1 Monday … 7 Sunday), e.g. --set "1-5=07:00-11:30,13:30-17:00;6=07:00-11:30"
            (the default). A weekday not named is closed. --default returns the unit to the default hours.
            The unit is looked up in the unit set in force today.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Unit code.")
    var unit: String

    @Option(name: .customLong("set"), help: "New hours (see above).")
    var hours: String?

    @Flag(name: .customLong("default"), help: "Return to the default hours.")
    var useDefault = false

    func validate() throws {
        if hours != nil, useDefault { throw ValidationError("Chỉ dùng một trong hai: --set hoặc --default.") }
        if let hours, DeskHours(text: hours) == nil {
            throw ValidationError(
                "Giờ làm việc “\(hours)” không hợp lệ; ví dụ: \"1-5=07:00-11:30,13:30-17:00;6=07:00-11:30\".")
        }
    }

    func run() throws {
        try AppDatabase.migrate(path: database.resolvedPath)
        let connection = try Connection(path: database.resolvedPath)
        guard let record = try UnitStore(connection).resolve(code: unit, on: SystemClock.wall.today) else {
            throw ValidationError("Không tìm thấy đơn vị mã \(unit) trong bộ đơn vị đang có hiệu lực.")
        }
        let store = DeskHoursStore(connection)
        if useDefault {
            try store.set(unitID: record.id, hours: nil)
        } else if let hours, let parsed = DeskHours(text: hours) {
            try store.set(unitID: record.id, hours: parsed)
        }
        let current = try store.hours(unitID: record.id)
        print(
            "\(record.name) (\(record.code)): \((current ?? .standard).text)\(current == nil ? " (mặc định)" : "")")
    }
}
