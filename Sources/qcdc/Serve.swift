import App
import ArgumentParser
import Database
import Foundation
import HTTP
import Server
import Store
import Survey
import Uploads
import Web

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the portal over HTTP/1.1.",
        discussion:
            "Stops gracefully on SIGTERM or SIGINT: no new connections, in-flight requests finish, the database closes cleanly."
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "Address to listen on (env QCDC_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env QCDC_PORT; default 8080; 0 picks a free one).")
    var port: Int?

    @Option(help: "The Public/ folder with static assets (default ./Public, else the one beside the build folder).")
    var staticDir: String?

    @Option(
        help: "Public base URL printed QR codes and links point to (env QCDC_PUBLIC_URL; default http://HOST:PORT).")
    var publicURL: String?

    @Option(
        help:
            "Start the clock at this instant and let it run, for training and rehearsals (e.g. 2024-06-12T16:45:00+07:00)."
    )
    var simulateTime: String?

    @Flag(help: "Do not print one access-log line per request.")
    var quiet = false

    @Option(
        help:
            "Connections one client address may hold open; trusted proxies are exempt, the proxy caps its own clients (env QCDC_MAX_CONNECTIONS_PER_CLIENT; default 256)."
    )
    var maxConnectionsPerClient: Int?

    @Flag(
        help:
            "Do not send Strict-Transport-Security even though the public URL is https (HSTS is on by default then).")
    var noHSTS = false

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "A reverse proxy (CIDR, IPv4 or IPv6, e.g. 10.0.0.0/8 or ::1/128) whose Forwarded / X-Forwarded-For headers name the client; repeatable (env QCDC_TRUSTED_PROXIES, comma or space separated; default none: the TCP peer is the client).",
            valueName: "cidr"))
    var trustedProxies: [String] = []

    @Option(
        help:
            "Hard limit: answers one network may send for one campaign and unit in a sliding hour from phones (env QCDC_ANSWERS_PER_HOUR; default 60)."
    )
    var answersPerHour: Int?

    @Option(
        help:
            "The same for a kiosk tablet with its signed kiosk cookie (env QCDC_KIOSK_ANSWERS_PER_HOUR; default 240).")
    var kioskAnswersPerHour: Int?

    @Option(
        help: "Suggestions one network may send to one unit in a Hanoi day (env QCDC_SUGGESTIONS_PER_DAY; default 10).")
    var suggestionsPerDay: Int?

    @Option(
        help:
            "Wrong suggestion lookup codes one network may try in 10 minutes before lookups answer 429 (env QCDC_LOOKUP_MISSES; default 20)."
    )
    var lookupMisses: Int?

    @Option(
        help:
            "The folder of `qcdc backup --dir` copies, for the last backup's time in /metrics (env QCDC_BACKUP_DIR; none by default)."
    )
    var backupDir: String?

    @Option(
        help:
            "Seconds between two background scans for flags on new answers (env QCDC_FLAG_SCAN_SECONDS; default 30, 1 to 3600)."
    )
    var flagScanSeconds: Int?

    @Option(
        help:
            "Largest document a dossier upload may carry, in MiB (env QCDC_UPLOAD_MAX_MB; default 20, 1 to 1024). Only upload routes accept bodies over 1 MiB."
    )
    var uploadMaxMegabytes: Int?

    /// The routes whose requests may carry an upload-sized body; every other route keeps the 1 MiB limit.

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let scanEvery = flagScanSeconds ?? environment["QCDC_FLAG_SCAN_SECONDS"].map { Int($0) ?? 0 } ?? 30
        guard (1...3600).contains(scanEvery) else {
            throw ValidationError("--flag-scan-seconds / QCDC_FLAG_SCAN_SECONDS phải từ 1 đến 3600 giây.")
        }
        let host = host ?? environment["QCDC_HOST"] ?? "127.0.0.1"
        guard let port = port ?? Int(environment["QCDC_PORT"] ?? "8080"), (0...65535).contains(port) else {
            throw ValidationError("Cổng (--port hoặc QCDC_PORT) phải là số từ 0 đến 65535.")
        }
        // Before anything opens: a typo in a proxy range stops the start instead of trusting less (or more).
        let doors = try doorSettings(environment)
        let uploadLimits = try uploadLimits(environment)
        guard
            let perClient = maxConnectionsPerClient
                ?? Int(environment["QCDC_MAX_CONNECTIONS_PER_CLIENT"] ?? "256"), perClient >= 1
        else {
            throw ValidationError(
                "--max-connections-per-client / QCDC_MAX_CONNECTIONS_PER_CLIENT phải là số nguyên từ 1 trở lên.")
        }
        let photoRules = try reportPhotoRules(environment)
        var clock: any Clock = SystemClock.wall
        if let simulateTime {
            guard let start = ISO8601DateFormatter().date(from: simulateTime) else {
                throw ValidationError("--simulate-time phải có dạng 2024-06-12T16:45:00+07:00.")
            }
            clock = SimulatedClock(startingAt: start.timeIntervalSince1970, base: SystemClock.wall)
        }
        let log = StandardOutput.line
        // Before any thread starts: a SIGTERM during start-up then still stops the server cleanly.
        TerminationSignal.prepare()
        // Held until the process exits: `qcdc restore` refuses to swap a database a server has open.
        try AppDatabase.createFolder(for: database.resolvedPath)
        let databaseLock = try ExclusiveFileLock(path: ExclusiveFileLock.path(forDatabase: database.resolvedPath))
        guard let databaseLock else {
            throw ValidationError(
                "Một máy chủ qcdc khác đang dùng \(database.resolvedPath) (khóa \(ExclusiveFileLock.path(forDatabase: database.resolvedPath)))."
            )
        }
        defer { withExtendedLifetime(databaseLock) {} }
        #if QCDC_BENCHMARK_SWITCHES
            // Benchmark builds only (`scripts/bench batch` compiles one with -DQCDC_BENCHMARK_SWITCHES into .build-bench;
            // the production binary has no such switch): QCDC_WRITE_BATCH=1 commits and fsyncs every answer on its own
            // (synchronous=FULL, no syncer thread), to measure what group commit saves.
            let writeBatch = environment["QCDC_WRITE_BATCH"].flatMap { Int($0) }.map { max(1, $0) }
            if let writeBatch {
                log("Bản dựng đo hiệu năng: QCDC_WRITE_BATCH=\(writeBatch) câu trả lời mỗi giao dịch.")
            }
            let pool =
                if let writeBatch {
                    try AppDatabase.openPool(path: database.resolvedPath, maximumBatchSize: writeBatch)
                } else {
                    try AppDatabase.openPool(path: database.resolvedPath)
                }
        #else
            let pool = try AppDatabase.openPool(path: database.resolvedPath)
        #endif
        let secret = try ServerSecret.load(environmentValue: environment["QCDC_SECRET"], keyFile: database.keyFilePath)

        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.limits.uploadBodyBytes = uploadLimits.maxBodyBytes
        configuration.limits.uploadTargets = Application.uploadTargets
        // The server sees only TCP peers: a direct client is capped on its own address; a trusted proxy's one address
        // stands for many clients, so it is exempt and the proxy caps them (deploy/nginx-qcdc.conf, limit_conn).
        configuration.maxConnectionsPerClient = perClient
        let proxies = doors.trustedProxies
        configuration.isExemptPeer = { peer in
            // Asked on every accepted connection: without trusted proxies there is nothing to parse.
            guard !proxies.isEmpty, let address = IPAddress(peer) else { return false }
            return proxies.contains { $0.contains(address) }
        }
        let server: HTTPServer
        let flagScanner: FlagScanner
        do {
            // The public URL needs the bound port when port 0 was asked for, so build the router after binding
            // would be circular; a configured port or public URL is known up front.
            let publicURL = publicURL ?? environment["QCDC_PUBLIC_URL"] ?? "http://\(host):\(port)"
            var appEnvironment = AppEnvironment(
                database: pool, clock: clock, secret: secret, publicURL: publicURL,
                staticDirectory: try resolvedStaticDirectory(), log: log)
            appEnvironment.doors = doors
            // Uploaded documents live beside the database, outside Public/, under their content hash.
            appEnvironment.uploads = UploadReceiver(
                store: try ContentAddressedStore(directory: database.dataFolder + "/uploads"), limits: uploadLimits)
            appEnvironment.backupDirectory = backupDir ?? environment["QCDC_BACKUP_DIR"]
            appEnvironment.strictTransportSecurity = !noHSTS
            // The router is built before the server it serves; the figures are read through this box at scrape time.
            let serverBox = ServerBox()
            appEnvironment.connectionFigures = {
                let statistics = serverBox.server?.statistics ?? ServerStatistics()
                return ConnectionFigures(
                    openConnections: statistics.openConnections,
                    refusedAtConnectionLimit: statistics.refusedAtConnectionLimit,
                    refusedForBodyBudget: statistics.refusedForBodyBudget,
                    refusedPerClient: statistics.refusedPerClient)
            }
            appEnvironment.reportPhotos = photoRules
            let router = try Application.makeRouter(appEnvironment, accessLog: quiet ? nil : log)
            server = HTTPServer(configuration: configuration, responder: router, log: log)
            serverBox.server = server
            flagScanner = appEnvironment.flagScanner
        }
        let boundPort = try server.start()
        // Flags on answers are found in the background, never in the submit transaction.
        let scanning = Task { await flagScanner.run(every: .seconds(scanEvery)) }
        if clock.isSimulated {
            log(
                "CHẾ ĐỘ DIỄN TẬP: đồng hồ mô phỏng bắt đầu từ \(simulateTime ?? "") (giờ Hà Nội \(VietnamTime.clockText(at: clock.nowSeconds)) ngày \(clock.today.vietnamese))."
            )
        }
        log("qcdc đang phục vụ tại http://\(host):\(boundPort) (cơ sở dữ liệu \(database.resolvedPath))")
        log(Self.doorsSummary(doors))
        log(Self.uploadSummary(uploadLimits, configuration))
        // sigwait blocks; a thread of its own keeps it off Swift's small cooperative pool.
        let signal = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: TerminationSignal.wait()) }.start()
        }
        log("Nhận tín hiệu \(signal == SIGTERM ? "SIGTERM" : "SIGINT"); đang dừng máy chủ…")
        await server.shutdown()
        scanning.cancel()
        await scanning.value
        await pool.close()
        log("Đã dừng.")
    }

    /// The public doors' settings: each option, else its environment variable, else the default.
    func doorSettings(_ environment: [String: String]) throws -> DoorSettings {
        var settings = DoorSettings()
        let proxies =
            trustedProxies.isEmpty ? environment["QCDC_TRUSTED_PROXIES"] ?? "" : trustedProxies.joined(separator: ",")
        switch IPRange.list(proxies) {
        case .success(let ranges): settings.trustedProxies = ranges
        case .failure(let invalid): throw ValidationError("--trusted-proxy / QCDC_TRUSTED_PROXIES: \(invalid)")
        }
        func limit(_ option: Int?, _ name: String, _ fallback: Int) throws -> Int {
            guard let value = option ?? environment[name].map({ Int($0) ?? -1 }) else { return fallback }
            guard value >= 1 else { throw ValidationError("\(name) phải là số nguyên dương.") }
            return value
        }
        settings.answersPerHour = try limit(answersPerHour, "QCDC_ANSWERS_PER_HOUR", settings.answersPerHour)
        settings.kioskAnswersPerHour = try limit(
            kioskAnswersPerHour, "QCDC_KIOSK_ANSWERS_PER_HOUR", settings.kioskAnswersPerHour)
        settings.suggestionsPerDay = try limit(
            suggestionsPerDay, "QCDC_SUGGESTIONS_PER_DAY", settings.suggestionsPerDay)
        settings.lookupMisses = try limit(lookupMisses, "QCDC_LOOKUP_MISSES", settings.lookupMisses)
        return settings
    }

    /// `--upload-max-megabytes`, else QCDC_UPLOAD_MAX_MB, else 20.
    func uploadLimits(_ environment: [String: String]) throws -> UploadLimits {
        let megabytes = uploadMaxMegabytes ?? environment["QCDC_UPLOAD_MAX_MB"].map { Int($0) ?? 0 } ?? 20
        guard (1...1024).contains(megabytes) else {
            throw ValidationError("--upload-max-megabytes / QCDC_UPLOAD_MAX_MB phải từ 1 đến 1024 (MB).")
        }
        return UploadLimits(maxFileMegabytes: megabytes)
    }

    /// QCDC_REPORT_PHOTO_MAX_MB (default 5): the largest photo of a day's outreach, never above the upload limit.
    func reportPhotoRules(_ environment: [String: String]) throws -> ReportPhotoRules {
        var rules = ReportPhotoRules()
        if let text = environment["QCDC_REPORT_PHOTO_MAX_MB"] {
            guard let megabytes = Int(text), (1...100).contains(megabytes) else {
                throw ValidationError("QCDC_REPORT_PHOTO_MAX_MB phải từ 1 đến 100 (MB).")
            }
            rules.maxFileBytes = megabytes * 1024 * 1024
        }
        return rules
    }

    static func uploadSummary(_ limits: UploadLimits, _ configuration: ServerConfiguration) -> String {
        let targets = configuration.limits.uploadTargets.map(\.description).joined(separator: ", ")
        return
            "Tải tệp lên: tối đa \(limits.maxFileBytes / (1024 * 1024)) MB mỗi tệp tại \(targets); \(configuration.largeBodyBudgetBytes / (1024 * 1024)) MB bộ nhớ cho các tệp lớn đang gửi mỗi luồng sự kiện (quá thì trả 503)."
    }

    static func doorsSummary(_ settings: DoorSettings) -> String {
        let proxies =
            settings.trustedProxies.isEmpty
            ? "không có proxy tin cậy (địa chỉ kết nối là địa chỉ người dùng)"
            : "proxy tin cậy: " + settings.trustedProxies.map(\.description).joined(separator: ", ")
        return
            "Cửa công khai: \(proxies); tối đa \(settings.answersPerHour) phiếu/giờ mỗi mạng (kiosk \(settings.kioskAnswersPerHour)), \(settings.suggestionsPerDay) góp ý/ngày, \(settings.lookupMisses) lần tra cứu sai/10 phút."
    }

    /// `--static-dir` as given; without it `./Public`, or the repository's `Public/` when the binary runs from
    /// its build folder (`.build/release/qcdc`) and was started elsewhere.
    private func resolvedStaticDirectory() throws -> String {
        if let staticDir { return staticDir }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "Public", isDirectory: &isDirectory), isDirectory.boolValue {
            return "Public"
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let beside = executable.deletingLastPathComponent().appendingPathComponent("../../../Public").standardized.path
        guard FileManager.default.fileExists(atPath: beside) else {
            throw ValidationError("Không tìm thấy thư mục Public/; chỉ rõ bằng --static-dir.")
        }
        return beside
    }
}
