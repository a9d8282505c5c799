/// One generated answer, in the shape ResponseStore stores: chosen option ids in question order, the text
/// questions written in, and the multiple-choice questions answered (their own counter).
struct BenchAnswer {
    let choices: [Int64]
    let texts: [Int64]
    let multipleChoiceQuestions: [Int64]
}
