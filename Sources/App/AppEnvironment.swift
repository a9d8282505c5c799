import Database
import Store
import Survey
import Uploads

/// Everything the handlers share, built once by the `qcdc` command.
public struct AppEnvironment: Sendable {
    public var database: DatabasePool
    public var clock: any Clock
    /// Key for signed tokens (render tokens, kiosk links).
    public var secret: [UInt8]
    /// Where printed QR codes point, without a trailing slash ("https://qcdc.bacgiang.gov.vn").
    public var publicURL: String
    /// The `Public/` folder served under `/static/`.
    public var staticDirectory: String
    public var log: @Sendable (String) -> Void
    /// Option counters of campaign-wide reads, kept between requests (exact: see `CounterCache`).
    public let counterCache = CounterCache()
    /// Trusted proxies and the limits on the public doors (`qcdc serve --trusted-proxy`, `--answers-per-hour`…).
    public var doors = DoorSettings()
    /// The flag scanner (`AnswerFlagger` in the background); `qcdc serve` starts it.
    public let flagScanner: FlagScanner
    /// The year's rankings and their per-campaign lines, kept between requests (exact: see `YearCache`).
    public let yearCache = YearCache()
    /// Where uploaded documents go (`<data folder>/uploads`, outside `Public/`) and their limits; `qcdc serve` sets
    /// it. Without it the upload routes answer 503.
    public var uploads: UploadReceiver?
    /// The printed QR sheets, per unit set and district.
    let qrSheetCache = QRSheetCache()
    /// Requests by route and latency, and the registry `/metrics` renders.
    public let metrics = SiteMetrics()
    /// The server's connection counters (`qcdc serve` wires `HTTPServer.statistics` in; zeros in tests).
    public var connectionFigures: @Sendable () -> ConnectionFigures = { ConnectionFigures() }
    /// Where `qcdc backup --dir` puts its dated copies (`--backup-dir`, `QCDC_BACKUP_DIR`), for the last backup's time.
    public var backupDirectory: String?
    /// Sends `Strict-Transport-Security` when the public URL is https (`qcdc serve --no-hsts` turns it off).
    public var strictTransportSecurity = true

    /// The cookie names for this public URL (`__Host-` prefixed over https).
    public var cookieNames: CookieNames { CookieNames(publicURL: publicURL) }
    /// Whether people reach the site over https: cookies are `Secure` and HSTS is sent.
    public var servesHTTPS: Bool { cookieNames.secure }
    /// Photos of the day's outreach on a daily report: how many a day, how large (`ReportPhotoRules`).
    public var reportPhotos = ReportPhotoRules()

    public init(
        database: DatabasePool, clock: any Clock, secret: [UInt8], publicURL: String, staticDirectory: String,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.database = database
        self.clock = clock
        self.secret = secret
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.staticDirectory = staticDirectory
        self.log = log
        self.flagScanner = FlagScanner(database: database, clock: clock, log: log)
    }

    /// The banner every page shows while the clock is simulated (training and rehearsals).
    var banner: String? {
        guard clock.isSimulated else { return nil }
        let now = clock.nowSeconds
        return
            "CHẾ ĐỘ DIỄN TẬP – giờ mô phỏng \(VietnamTime.clockText(at: now)) ngày \(VietnamTime.localDate(at: now).vietnamese)"
    }
}
