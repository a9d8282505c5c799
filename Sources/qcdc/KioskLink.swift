import App
import ArgumentParser
import Database
import Foundation
import Store
import Survey

struct KioskLink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-link",
        abstract: "Print a signed, expiring link that turns a desk tablet into a survey kiosk for one unit.",
        discussion:
            "On that tablet consecutive people can answer; the form clears between them and answers are marked as kiosk answers."
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "Unit code (commune or district).")
    var unit: String

    @Option(help: "Hours the link stays valid (1–168).")
    var hours: Int = 10

    @Option(help: "Public base URL (env QCDC_PUBLIC_URL), as citizens' phones reach the server.")
    var publicURL: String?

    @Flag(help: "Allow a loopback public URL (127.0.0.1, localhost, ::1): for a test on this machine only.")
    var allowLoopback = false

    func run() throws {
        guard (1...168).contains(hours) else { throw ValidationError("--hours phải từ 1 đến 168.") }
        let secret = try ServerSecret.load(
            environmentValue: ProcessInfo.processInfo.environment["QCDC_SECRET"],
            keyFile: database.keyFilePath)
        let connection = try Connection(path: database.resolvedPath)
        let clock = SystemClock.wall
        guard try UnitStore(connection).resolve(code: unit, on: clock.today) != nil else {
            throw ValidationError("Không có đơn vị mã \(unit) trong bộ đơn vị hiện hành.")
        }
        guard let base = publicURL ?? ProcessInfo.processInfo.environment["QCDC_PUBLIC_URL"] else {
            throw ValidationError(
                "Cần địa chỉ công khai của cổng: --public-url https://… hoặc biến QCDC_PUBLIC_URL (liên kết in ra được mở trên máy tính bảng ở bộ phận một cửa)."
            )
        }
        guard allowLoopback || !PublicURL.isLoopback(base) else {
            throw ValidationError(
                "Địa chỉ \(base) chỉ mở được trên chính máy chủ này, máy tính bảng ở bộ phận một cửa không mở được. Dùng địa chỉ công khai (--public-url), hoặc --allow-loopback khi thử trên máy này."
            )
        }
        let link = KioskLinks.make(unitCode: unit, hours: hours, now: clock.nowSeconds, secret: secret, publicURL: base)
        print(link)
    }
}
