import Testing

@testable import Survey

/// Tallies must give exactly what `SatisfactionScore` gives from the same option counts, alone and pooled.
@Suite struct SatisfactionTallyTests {
    // q1 evaluative (11 +, 12 0, 13 −), q2 not evaluative (21, 22), q3 evaluative (31 +, 32 +, 33 −, 34 without polarity).
    static let form = FormDefinition(
        formVersionID: 1, code: "T", title: "Thử", intro: "",
        questions: [
            QuestionDefinition(
                id: 1, code: "q1", kind: .single, text: "Hài lòng?", required: true, evaluative: true,
                options: [
                    OptionDefinition(id: 11, label: "Có", polarity: .positive),
                    OptionDefinition(id: 12, label: "Bình thường", polarity: .neutral),
                    OptionDefinition(id: 13, label: "Không", polarity: .negative),
                ]),
            QuestionDefinition(
                id: 2, code: "q2", kind: .single, text: "Tuổi", required: false,
                options: [OptionDefinition(id: 21, label: "Dưới 30"), OptionDefinition(id: 22, label: "Từ 30")]),
            QuestionDefinition(
                id: 3, code: "q3", kind: .single, text: "Đúng hẹn?", required: true, evaluative: true,
                options: [
                    OptionDefinition(id: 31, label: "Sớm", polarity: .positive),
                    OptionDefinition(id: 32, label: "Đúng", polarity: .positive),
                    OptionDefinition(id: 33, label: "Trễ", polarity: .negative),
                    OptionDefinition(id: 34, label: "Không nhớ"),
                ]),
        ])

    func tally(_ counts: [Int64: Int], layout: SatisfactionLayout) -> SatisfactionTally {
        var tally = layout.emptyTally()
        for (option, answers) in counts {
            if let place = layout.place(ofOption: option) { tally.add(answers, at: place) }
        }
        return tally
    }

    @Test func layoutPlacesEveryChoiceOption() throws {
        let layout = SatisfactionLayout(form: Self.form)
        #expect(layout.questionIDs == [1, 3])
        #expect(layout.optionIDs == [11, 12, 13, 21, 22, 31, 32, 33, 34])
        #expect(layout.place(ofOption: 21)?.question == nil, "a question without polarity has no slot")
        #expect(layout.place(ofOption: 34)?.question == nil, "an option without polarity counts nowhere")
        #expect(try #require(layout.place(ofOption: 32)).question == 1)
        #expect(try #require(layout.place(ofOption: 32)).positive)
        #expect(layout.place(ofOption: 99) == nil)
    }

    @Test func tallyMatchesTheScoreAloneAndPooled() {
        let layout = SatisfactionLayout(form: Self.form)
        var generator = SystemRandomNumberGenerator()
        let options: [Int64] = [11, 12, 13, 21, 22, 31, 32, 33, 34, 99]
        for _ in 0..<200 {
            let units = (0..<5).map { _ in
                Dictionary(
                    uniqueKeysWithValues: options.filter { _ in Bool.random(using: &generator) }
                        .map { ($0, Int.random(in: 0...50, using: &generator)) })
            }
            var pooledCounts: [Int64: Int] = [:]
            var pooled = layout.emptyTally()
            for counts in units {
                let single = tally(counts, layout: layout)
                #expect(single.overall == SatisfactionScore(form: Self.form, counts: counts).overall, "\(counts)")
                pooled.add(single)
                pooledCounts.merge(counts, uniquingKeysWith: +)
            }
            #expect(pooled.overall == SatisfactionScore(form: Self.form, counts: pooledCounts).overall)
        }
    }

    @Test func sharesAndEmptyTallies() {
        let layout = SatisfactionLayout(form: Self.form)
        #expect(layout.emptyTally().overall == nil, "no evaluative answer yet")
        let only = tally([11: 3, 13: 1, 21: 9, 34: 4], layout: layout)
        #expect(only.shares == [0.75, nil])
        #expect(only.overall == 0.75, "a question without valid answers is left out of the mean")
        let both = tally([11: 3, 13: 1, 31: 1, 32: 1, 33: 2], layout: layout)
        #expect(both.valid == [4, 4])
        #expect(both.positive == [3, 2])
        #expect(both.overall == 0.625)
    }
}
