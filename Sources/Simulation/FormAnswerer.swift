import BenchData
import Survey

/// Fills a form the way people do: each respondent has their own experience around the commune's quality, skips a
/// few optional questions, answers follow-ups only when their parent applies, and rarely writes a comment. The
/// stuffers' answers come from `template`: the best option everywhere, the same picks on multiple-choice
/// questions, every time.
struct FormAnswerer {
    let form: FormDefinition

    func honest(quality: Double, _ random: inout BenchRandom) -> [String: [String]] {
        let personal = min(0.99, max(0.05, quality + 0.15 * random.normal()))
        var fields: [String: [String]] = [:]
        var chosen: Set<Int64> = []
        for question in form.questions {
            if let parent = question.showIfOptionID, !chosen.contains(parent) { continue }
            if !question.required, random.chance(0.1) { continue }
            switch question.kind {
            case .shortText, .longText:
                if random.chance(0.03) { fields[question.code] = ["Mong cán bộ hướng dẫn kỹ hơn."] }
            case .multiple:
                guard !question.options.isEmpty else { continue }
                var picks: [Int64] = [pick(question.options, quality: personal, &random)]
                for _ in 0..<random.weighted([0.5, 0.35, 0.15]) {
                    let extra = random.element(question.options).id
                    if !picks.contains(extra) { picks.append(extra) }
                }
                chosen.formUnion(picks)
                fields[question.code] = picks.map(String.init)
            case .single, .yesNo:
                guard !question.options.isEmpty else { continue }
                let choice = pick(question.options, quality: personal, &random)
                chosen.insert(choice)
                fields[question.code] = [String(choice)]
            }
        }
        return fields
    }

    /// The one vector a stuffer repeats: the most positive option of every choice question, the first two options
    /// of a multiple-choice one, follow-ups where their parent was chosen, no comments.
    func template() -> [String: [String]] {
        var fields: [String: [String]] = [:]
        var chosen: Set<Int64> = []
        for question in form.questions {
            if let parent = question.showIfOptionID, !chosen.contains(parent) { continue }
            guard question.kind.isChoice, let first = question.options.first else { continue }
            let best = question.options.first { $0.polarity == .positive } ?? first
            let picks = question.kind == .multiple ? Array(question.options.prefix(2)).map(\.id) : [best.id]
            chosen.formUnion(picks)
            fields[question.code] = picks.map(String.init)
        }
        return fields
    }

    /// The template with one choice question answered differently.
    func nearTemplate(_ random: inout BenchRandom) -> [String: [String]] {
        var fields = template()
        let candidates = form.questions.filter {
            $0.kind == .single && $0.showIfOptionID == nil && $0.options.count > 1
        }
        guard !candidates.isEmpty else { return fields }
        let question = random.element(candidates)
        let others = question.options.filter { String($0.id) != fields[question.code]?.first }
        fields[question.code] = [String(random.element(others).id)]
        return fields
    }

    /// Questions a respondent sees (follow-ups only when their parent was chosen): what reading time scales with.
    func shownQuestions(_ fields: [String: [String]]) -> Int {
        let chosen = Set(fields.values.flatMap { $0 }.compactMap { Int64($0) })
        return form.questions.filter { question in question.showIfOptionID.map { chosen.contains($0) } ?? true }.count
    }

    private func pick(_ options: [OptionDefinition], quality: Double, _ random: inout BenchRandom) -> Int64 {
        let weights = options.map { option -> Double in
            switch option.polarity {
            case .positive: quality
            case .neutral: (1 - quality) * 0.6
            case .negative: (1 - quality) * 0.4
            case nil: 1
            }
        }
        return options[random.weighted(weights)].id
    }
}
