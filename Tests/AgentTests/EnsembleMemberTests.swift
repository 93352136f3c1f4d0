// The ensemble's member from each family: the run the one-standard-error rule keeps among the family's
// runs (paired standard error on the same folds), so a tuning whose gain over the default run is noise
// does not replace it, and one whose gain is beyond noise does.
import Testing

@testable import Agent

@Suite struct EnsembleMemberTests {
    func run(_ id: String, _ folds: [Double], step: AutopilotStep = .search, complexity: Int) -> Candidate {
        Candidate(
            step: step, runID: id, model: "gbdt", mean: folds.reduce(0, +) / Double(folds.count), std: 0.01,
            folds: folds, complexity: complexity, move: step == .search ? .tuneGbdt : nil)
    }

    @Test func aTuningWithinNoiseDoesNotReplaceTheDefaultRun() throws {
        // The tuned run leads by 0.001 on average but loses on two folds of five: noise.
        let defaults = run("r0003", [0.960, 0.970, 0.955, 0.968, 0.967], step: .gbdt, complexity: 2)
        let tuned = run("r0004", [0.965, 0.966, 0.962, 0.964, 0.968], complexity: 3)
        let kept = AutopilotSearch.familyMember([defaults, tuned], folds: 5, greaterIsBetter: true)
        #expect(kept?.runID == "r0003")
    }

    @Test func aTuningBeyondNoiseReplacesIt() throws {
        // The tuned run gains 0.02 on every fold.
        let defaults = run("r0003", [0.960, 0.970, 0.955, 0.968, 0.967], step: .gbdt, complexity: 2)
        let tuned = run("r0004", [0.980, 0.990, 0.975, 0.988, 0.987], complexity: 3)
        let kept = AutopilotSearch.familyMember([defaults, tuned], folds: 5, greaterIsBetter: true)
        #expect(kept?.runID == "r0004")
        // An error metric (lower is better): the same gain, as a loss, keeps the default.
        let lower = AutopilotSearch.familyMember([defaults, tuned], folds: 5, greaterIsBetter: false)
        #expect(lower?.runID == "r0003")
    }
}
