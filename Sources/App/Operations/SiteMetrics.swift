import Database
import HTTP
import Prometheus
import Synchronization

/// The registry behind `GET /metrics`: requests and their latency are recorded as they happen; everything else
/// (connections, the writer, the database) is read when Prometheus scrapes (`OperationsSnapshot`).
///
/// swift-prometheus's own registry, one per site rather than swift-metrics' process-wide `MetricsSystem`, so
/// two apps in one test process never share numbers.
public final class SiteMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let requests = RequestTally(bucketBounds: [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .seconds(2.5), .seconds(5),
    ])
    /// The last totals read from the server's and writer's atomics: a Prometheus counter only moves forward, by
    /// the difference since the previous scrape.
    private let lastTotals = Mutex<[String: Int]>([:])

    public init() {}

    func recordRequest(templateIndex: Int, method: HTTPMethod, status: Int, duration: Duration) {
        requests.record(templateIndex: templateIndex, method: method, status: status, duration: duration)
    }

    /// The text exposition (version 0.0.4) with the scrape-time values folded in.
    func render(_ snapshot: OperationsSnapshot) -> String {
        gauge("open_connections", "", "Connections open now.", Double(snapshot.connections.openConnections))
        advance(
            "connections_refused_at_limit", "total",
            "Connections answered 503 because the connection limit was reached.",
            to: snapshot.connections.refusedAtConnectionLimit)
        advance(
            "request_bodies_refused", "total", "Request bodies answered 503 because the body budget was in use.",
            to: snapshot.connections.refusedForBodyBudget)
        advance(
            "connections_refused_per_client", "total",
            "Connections answered 503 because their client address held its share of connections.",
            to: snapshot.connections.refusedPerClient)
        advance(
            "writer_batches", "total", "Transactions committed by the group-commit writer.", to: snapshot.writer.batches
        )
        advance("writer_writes", "total", "Writes committed by the group-commit writer.", to: snapshot.writer.writes)
        advance("wal_fsyncs", "total", "fdatasync calls of the WAL syncer.", to: snapshot.writer.fsyncs)
        let fsyncSeconds = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "qcdc", metricName: "wal_fsync", unitName: "seconds_total",
                helpText: "Time spent in the WAL syncer's fdatasync calls."))
        let nanoseconds = delta("wal_fsync_nanoseconds", snapshot.writer.fsyncNanoseconds)
        if nanoseconds > 0 { fsyncSeconds.increment(by: Double(nanoseconds) / 1e9) }
        gauge("database_size", "bytes", "Size of the SQLite file.", Double(snapshot.databaseBytes))
        gauge("wal_size", "bytes", "Size of the SQLite write-ahead log.", Double(snapshot.walBytes))
        gauge("answers_stored", "", "Answers stored, all campaigns.", Double(snapshot.answers))
        for (state, count) in snapshot.flaggedByState {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "qcdc", metricName: "answers_flagged", unitName: "",
                    helpText: "Flagged answers by review state (open, confirmed, cleared)."),
                labels: [("state", state)]
            ).set(Double(count))
        }
        gauge("daily_reports_received", "", "Units' daily reports on file.", Double(snapshot.dailyReports))
        if let backup = snapshot.lastBackupTime {
            gauge(
                "last_backup_timestamp", "seconds",
                "Modification time of the newest qcdc-*.sqlite3 in the backup folder.",
                Double(backup))
        }
        return registry.emitToString() + requestText() + Self.batchSizeHistogram(snapshot.writer)
    }

    /// The writer's batch sizes, counted in the database layer with one atomic per bucket (no lock on the writer
    /// thread), so written here rather than through the registry's histogram, which records one value at a time.
    static func batchSizeHistogram(_ writer: WriterStatistics) -> String {
        let name = "qcdc_writer_batch_size"
        var text = "# HELP \(name) Writes per committed group-commit batch.\n# TYPE \(name) histogram\n"
        for (bound, count) in zip(WriterStatistics.batchSizeBounds, writer.cumulativeBatchCounts) {
            text += "\(name)_bucket{le=\"\(bound)\"} \(count)\n"
        }
        text += "\(name)_bucket{le=\"+Inf\"} \(writer.batches)\n"
        text += "\(name)_sum \(writer.writes)\n\(name)_count \(writer.batches)\n"
        return text
    }

    private func gauge(_ name: String, _ unit: String, _ help: String, _ value: Double) {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "qcdc", metricName: name, unitName: unit, helpText: help)
        ).set(value)
    }

    private func advance(_ name: String, _ unit: String, _ help: String, to total: Int) {
        let counter = registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "qcdc", metricName: name, unitName: unit, helpText: help))
        let step = delta(name, total)
        if step > 0 { counter.increment(by: Int64(step)) }
    }

    private func delta(_ key: String, _ total: Int) -> Int {
        lastTotals.withLock { last in
            let step = total - (last[key] ?? 0)
            last[key] = max(total, last[key] ?? 0)
            return max(0, step)
        }
    }
}
