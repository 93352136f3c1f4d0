// The suggested number of folds: 5, and 2 once a table has more than a million rows, where each fit costs
// seconds and half a million validation rows per fold already measure a score precisely.
import Testing

@testable import MLCore

@Suite struct ProfileFoldRuleTests {
    /// A table of `rows` rows: one noisy feature and a target that depends on it.
    private func table(rows: Int, classes: Bool) throws -> Dataset {
        var g = SeededGenerator(seed: 7)
        let x = (0..<rows).map { _ in Double(g.nextInt(below: 1_000)) / 10 }
        let y = x.map { v in classes ? Double(v > 50 ? 1 : 0) : v * 2 + 1 }
        return try Dataset(columns: [Column(name: "x", numbers: x), Column(name: "y", numbers: y)])
    }

    @Test func aMillionRowsOrFewerKeepFiveFolds() throws {
        let p = try DataProfile(dataset: table(rows: DataProfile.twoFoldRows, classes: true), target: "y")
        #expect(p.suggestedValidation.scheme == .stratifiedKFold)
        #expect(p.suggestedValidation.folds == 5)
    }

    @Test func overAMillionRowsTwoStratifiedFolds() throws {
        let p = try DataProfile(dataset: table(rows: DataProfile.twoFoldRows + 1, classes: true), target: "y")
        #expect(p.suggestedValidation.scheme == .stratifiedKFold)
        #expect(p.suggestedValidation.folds == 2)
        #expect(p.suggestedValidation.reason.contains("2-fold"))
    }

    @Test func overAMillionRowsOfARegressionTwoPlainFolds() throws {
        let p = try DataProfile(dataset: table(rows: DataProfile.twoFoldRows + 1, classes: false), target: "y")
        #expect(p.suggestedValidation.scheme == .kFold)
        #expect(p.suggestedValidation.folds == 2)
    }
}
