/// How many units reach the satisfaction threshold (`ReportSettings.satisfactionThreshold`): the one rule behind
/// the province's card and the district roll-up's column, so the two can never disagree about a unit.
///
/// A unit reaches it when its SIPAS satisfied share is at or above the threshold, with a hair of tolerance (a share
/// worked out as 4 ÷ 5 must meet a threshold of 0.8 typed as text); a unit without evaluative answers counts among
/// the units but does not reach it, so a quiet unit pulls the share down instead of vanishing from it.
package struct ThresholdCount: Sendable, Hashable {
    package let threshold: Double
    package private(set) var units = 0
    package private(set) var meeting = 0

    package init(threshold: Double) {
        self.threshold = threshold
    }

    package static func meets(_ satisfiedShare: Double?, threshold: Double) -> Bool {
        guard let satisfiedShare else { return false }
        return satisfiedShare + 1e-9 >= threshold
    }

    package mutating func add(_ satisfiedShare: Double?) {
        units += 1
        if Self.meets(satisfiedShare, threshold: threshold) { meeting += 1 }
    }

    /// meeting ÷ units; nil without units (nothing to divide), 0 when units exist and none has reached it.
    package var share: Double? {
        units == 0 ? nil : Double(meeting) / Double(units)
    }
}
