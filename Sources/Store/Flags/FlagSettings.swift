import Survey

/// The thresholds of every flag signal, each with its default and why. A flag only asks a person to look: the
/// defaults lean towards not flagging an honest person at a busy desk, and the simulation (`qcdc-simulate`)
/// measures what they catch.
package struct FlagSettings: Sendable {
    /// burst: at least this many phone answers for one unit from one network fingerprint within `burstWindow`
    /// seconds. The "soft limit in a sliding hour": people at one desk share its Wi-Fi, but a desk serves a
    /// few dozen people a day and few answer on its Wi-Fi; eight in an hour from one network is a script or a
    /// person passing one phone around.
    package var burstAnswers = 8
    package var burstWindow: Int64 = 3600
    /// The same for a kiosk (signed kiosk cookie): one tablet serves one person after another, each taking a few
    /// minutes, so twenty in an hour (one every three minutes, all day at the busiest desk) is its honest ceiling.
    package var kioskBurstAnswers = 20

    /// repeatDevice: at least this many answers without the "already answered" cookie from one device (network
    /// fingerprint + User-Agent) for one unit within `repeatDeviceWindow`. A person answers once and keeps the
    /// cookie; three cookie-less answers in half an hour is cookies being cleared (or a private window) between
    /// answers. Two people on one Wi-Fi with the same browser version share a device hash, hence not two.
    package var repeatDeviceAnswers = 3
    package var repeatDeviceWindow: Int64 = 1800
    /// The same over a working day: a handful of phones passed around an office send a few answers each, spread
    /// over hours. Measured on the simulation (`qcdc-simulate --repeat-device-answers/--repeat-device-minutes`):
    /// 5 in 10 hours caught 3 in 4 near-identical copies from 3–5 phones for 12 more honest answers flagged of
    /// 64,000 (people on one office Wi-Fi with the same phone model); 4 in 8 hours caught more but flagged 52.
    package var repeatDeviceDayAnswers = 5
    package var repeatDeviceDayWindow: Int64 = 10 * 3600

    /// identicalVectors: the same choices (free text aside) for one unit within `identicalWindow`, counted against
    /// chance. The vector's probability p is the product, over its chosen options, of the option's observed share
    /// of the unit's answers in the campaign (skipped questions count as 1, which only raises p: conservative).
    /// With n answers of the unit in the window, honest copies are ≈ Poisson(n·p); the copies are flagged when
    /// there are at least max(`identicalMinCopies`, the Poisson upper quantile of n·p at `identicalAlpha`).
    /// α = 10⁻⁶: a commune sees a few thousand vectors per campaign, so chance alone flags almost never; five
    /// copies at least, since four people choosing "very satisfied" everywhere on one day is ordinary.
    package var identicalMinCopies = 5
    package var identicalAlpha = 1e-6
    package var identicalWindow: Int64 = 86_400

    /// tooFast: an answer filled in less than `secondsPerQuestion` × the questions the respondent was shown (the
    /// form's questions plus the follow-ups their choices opened). The hard minimum (render token, 4 s) refuses
    /// faster posts outright; this only flags. Two seconds is about the least that reads a short question and taps
    /// an option: the simulation (`qcdc-simulate`) caught every too-fast stuffing (5–14 s for nine questions) at 2
    /// and at 3, but 3 also flagged 0.6% of honest answers (a hurried top-box respondent) against 0.03% at 2. It
    /// is capped at 3 so that 30 s over a ten-question form is never too fast.
    package var secondsPerQuestion = 2 {
        didSet { secondsPerQuestion = min(3, max(0, secondsPerQuestion)) }
    }

    /// offHours: answers outside the unit's desk hours (`unit_desk_hours`, else `deskHours`), except within
    /// `offHoursGrace` seconds after a closing: a person who scanned the code at 11:25 may send at 11:40.
    package var deskHours = DeskHours.standard
    package var offHoursGrace = 15 * 60

    /// overQuota: flag every answer of a reported day that has more answers than the quota's upper bound (true), or
    /// only those after the bound, by time (false). Stuffing added to a day is indistinguishable from the day's real
    /// answers, and the later-ones rule misses whatever was added before the last real ones (the simulation measured
    /// 41% recall against 100% for the whole day, at 0.1% more honest answers flagged: those of over-quota days).
    package var overQuotaWholeDay = true

    /// At most this many new answers per scan: a first scan over a large database holds the writer in slices,
    /// not for minutes; the next scan goes on from there.
    package var maxAnswersPerScan = 20_000

    package init() {}

    /// The longest window of any signal: a new answer's patterns lie within it on either side.
    package var longestWindow: Int64 { max(burstWindow, repeatDeviceWindow, repeatDeviceDayWindow, identicalWindow) }
}
