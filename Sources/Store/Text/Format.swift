/// Numbers as the dashboards print them, Vietnamese style ("87,5%").
package enum Format {
    package static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10),\(tenths % 10)%"
    }
}
