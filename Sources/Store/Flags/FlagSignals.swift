import Survey

/// The signals as pure functions of one unit's answers in one campaign (sorted by time), so each is tested at
/// its edges without a database. `AnswerFlagger` loads the answers and stores what these return.
package struct FlagSignals: Sendable {
    package let settings: FlagSettings

    package init(settings: FlagSettings) {
        self.settings = settings
    }

    /// Members of a group (times sorted ascending) that lie in some window [t, t + window) holding at least
    /// `count` members: every member of the pattern, the first ones included.
    package static func windowMembers(_ times: [Int64], count: Int, window: Int64) -> [Bool] {
        var marked = Array(repeating: false, count: times.count)
        guard count > 0 else { return marked }
        var right = 0
        var markedUpTo = 0
        for left in times.indices {
            if right < left { right = left }
            while right < times.count, times[right] < times[left] + window { right += 1 }
            if right - left >= count {
                for index in max(left, markedUpTo)..<right { marked[index] = true }
                markedUpTo = max(markedUpTo, right)
            }
        }
        return marked
    }

    /// Answers grouped by a key, each group in time order; answers without a key are left out.
    private static func groups(_ answers: [ScannedAnswer], key: (ScannedAnswer) -> String?) -> [[ScannedAnswer]] {
        var groups: [String: [ScannedAnswer]] = [:]
        for answer in answers { if let value = key(answer) { groups[value, default: []].append(answer) } }
        return groups.keys.sorted().map { key in
            groups[key]!.sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
        }
    }

    private func flagWindows(
        _ answers: [ScannedAnswer], key: (ScannedAnswer) -> String?, count: (ScannedAnswer) -> Int, window: Int64,
        reason: FlagReason, detail: (Int) -> String
    ) -> [FoundFlag] {
        var found: [FoundFlag] = []
        for group in Self.groups(answers, key: key) {
            guard let first = group.first else { continue }
            let marked = Self.windowMembers(group.map(\.submittedAt), count: count(first), window: window)
            for (answer, isMarked) in zip(group, marked) where isMarked {
                found.append(FoundFlag(responseID: answer.id, reason: reason, detail: detail(group.count)))
            }
        }
        return found
    }

    /// Many answers from one network fingerprint (kiosks under their own, higher threshold).
    package func burst(_ answers: [ScannedAnswer]) -> [FoundFlag] {
        let minutes = settings.burstWindow / 60
        return flagWindows(
            answers, key: { answer in answer.networkHash.map { "\(answer.channel.rawValue) \($0)" } },
            count: { $0.channel == .kiosk ? settings.kioskBurstAnswers : settings.burstAnswers },
            window: settings.burstWindow, reason: .burst,
            detail: { _ in "Nhiều phiếu từ cùng một mạng trong \(minutes) phút" })
    }

    /// Cookie-less phone answers repeated from one device: a few within half an hour, or more over a working day
    /// (a handful of phones passed around the office), each answer flagged once.
    package func repeatDevice(_ answers: [ScannedAnswer]) -> [FoundFlag] {
        let key: (ScannedAnswer) -> String? = { $0.channel == .phone && !$0.hadCookie ? $0.deviceHash : nil }
        let minutes = settings.repeatDeviceWindow / 60
        let hours = settings.repeatDeviceDayWindow / 3600
        let short = flagWindows(
            answers, key: key, count: { _ in settings.repeatDeviceAnswers }, window: settings.repeatDeviceWindow,
            reason: .repeatDevice,
            detail: { _ in "Cùng một thiết bị gửi lại phiếu không kèm dấu đã trả lời trong \(minutes) phút" })
        let day = flagWindows(
            answers, key: key, count: { _ in settings.repeatDeviceDayAnswers }, window: settings.repeatDeviceDayWindow,
            reason: .repeatDevice,
            detail: { _ in "Cùng một thiết bị gửi nhiều phiếu không kèm dấu đã trả lời trong \(hours) giờ" })
        var seen: Set<Int64> = []
        return (short + day).filter { seen.insert($0.responseID).inserted }
    }

    /// Fill time below a plausible reading time for the questions shown.
    package func tooFast(_ answers: [ScannedAnswer], form: FormDefinition?) -> [FoundFlag] {
        guard let form else { return [] }
        return answers.compactMap { answer in
            let shown = Self.questionsShown(form, chosen: Set(answer.optionIDs))
            let minimum = settings.secondsPerQuestion * shown
            guard answer.fillSeconds < minimum else { return nil }
            return FoundFlag(
                responseID: answer.id, reason: .tooFast,
                detail: "\(answer.fillSeconds) giây cho \(shown) câu hỏi (tối thiểu \(minimum) giây)")
        }
    }

    /// The form's questions without a condition, plus the follow-ups the chosen options opened.
    package static func questionsShown(_ form: FormDefinition, chosen: Set<Int64>) -> Int {
        form.questions.count { question in question.showIfOptionID.map(chosen.contains) ?? true }
    }

    /// Answers outside the desk hours (with the grace after each closing).
    package func offHours(_ answers: [ScannedAnswer], hours: DeskHours) -> [FoundFlag] {
        answers.compactMap { answer in
            guard !hours.isOpen(at: answer.submittedAt, graceSeconds: settings.offHoursGrace) else { return nil }
            return FoundFlag(
                responseID: answer.id, reason: .offHours,
                detail:
                    "Gửi lúc \(VietnamTime.clockText(at: answer.submittedAt)), ngoài giờ làm việc của bộ phận một cửa")
        }
    }
}
