import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// `bench/answers.txt` (the benchmark's, the crash test's and the sanitizer run's answer) is a valid answer to the
/// demo campaign: a form version that changes its options must change the file too, or every proof script fails at
/// its sanity check.
@Suite struct BenchAnswersTests {
    @Test func theBenchmarkAnswerValidatesAgainstTheDemoCampaign() async throws {
        let app = try await TestApp()
        let text = try String(contentsOfFile: TestApp.repositoryRoot + "/bench/answers.txt", encoding: .utf8)
        let form = try URLEncodedForm(decoding: text.trimmingCharacters(in: .whitespacesAndNewlines))
        var fields: [String: [String]] = [:]
        for field in form.fields { fields[field.name, default: []].append(field.value) }
        let campaignID = app.demoCampaignID
        let definition = try await app.pool.read { connection -> FormDefinition? in
            guard let campaign = try CampaignStore(connection).campaign(id: campaignID) else { return nil }
            return try FormStore(connection).definition(formVersionID: campaign.formVersionID)
        }
        let validated = AnswerValidator(form: try #require(definition)).validate(fields)
        guard case .success(let answers) = validated else {
            Issue.record("bench/answers.txt does not answer the demo campaign's form: \(validated)")
            return
        }
        #expect(answers.choices.count >= 9)
        await app.close()
    }
}
