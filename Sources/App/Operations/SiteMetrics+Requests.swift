extension SiteMetrics {
    /// `qcdc_http_requests_total` and `qcdc_http_request_duration_seconds` in the text format (version 0.0.4),
    /// from the request tally, series in a stable order.
    func requestText() -> String {
        let snapshot = requests.snapshot
        let counter = "qcdc_http_requests_total"
        var text = "# HELP \(counter) Requests answered, by route template (never the raw path), method and status.\n"
        text += "# TYPE \(counter) counter\n"
        let series = snapshot.counts.map { key, count in
            (route: MatchedRoute.template(at: key.templateIndex)?.rawValue ?? "unmatched", key: key, count: count)
        }
        for item in series.sorted(by: {
            ($0.route, $0.key.method.rawValue, $0.key.status) < ($1.route, $1.key.method.rawValue, $1.key.status)
        }) {
            text += "\(counter){route=\"\(Self.escapedLabel(item.route))\",method=\"\(item.key.method.rawValue)\","
            text += "status=\"\(item.key.status)\"} \(item.count)\n"
        }
        let histogram = "qcdc_http_request_duration_seconds"
        text += "# HELP \(histogram) Time from routing to the response, all routes.\n# TYPE \(histogram) histogram\n"
        var cumulative = 0
        for (bound, count) in zip(requests.bucketBounds, snapshot.buckets) {
            cumulative += count
            text += "\(histogram)_bucket{le=\"\(Double(bound) / 1e9)\"} \(cumulative)\n"
        }
        text += "\(histogram)_bucket{le=\"+Inf\"} \(snapshot.count)\n"
        text += "\(histogram)_sum \(Double(snapshot.totalNanoseconds) / 1e9)\n"
        text += "\(histogram)_count \(snapshot.count)\n"
        return text
    }

    /// A label value as the text format wants it: backslash, double quote and line feed escaped.
    static func escapedLabel(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
