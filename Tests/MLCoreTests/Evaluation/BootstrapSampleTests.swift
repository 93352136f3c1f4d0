// Bootstraps beyond BootstrapSample.maxRows rows resample a seeded sample and rescale its deviations by
// √(m/n): the interval must still be the whole set's (checked against the closed-form standard error of
// accuracy, p ± 1.96·√(p(1−p)/n), and of a mean error), centred on the value on every row, and a
// paired comparison must keep both models on the same sampled rows. Up to maxRows nothing is sampled.

import Testing

@testable import MLCore

@Suite struct BootstrapSampleTests {
    static let rows = 250_000

    /// Labels and a prediction right with probability `accuracy`.
    static func table(accuracy: Double, seed: UInt64) -> (TargetValues, Prediction) {
        var g = SeededGenerator(seed: seed)
        let y = (0..<rows).map { _ in g.nextInt(below: 2) }
        let predicted = y.map { g.nextUnit() < accuracy ? $0 : 1 - $0 }
        let probabilities = predicted.flatMap { $0 == 1 ? [0.3, 0.7] : [0.7, 0.3] }
        return (
            .classes(labels: y, classNames: ["a", "b"]),
            .classes(labels: predicted, probabilities: probabilities, classCount: 2)
        )
    }

    @Test func aLargeSetsIntervalHasTheWholeSetsWidth() throws {
        let (t, p) = Self.table(accuracy: 0.8, seed: 5)
        let ci = try Bootstrap.interval(metric: "accuracy", target: t, prediction: p, resamples: 200, seed: 1)
        let estimate = try Metrics.score("accuracy", target: t, prediction: p)
        let se = (estimate * (1 - estimate) / Double(Self.rows)).squareRoot()
        #expect(ci.sampledRows == BootstrapSample.maxRows)
        #expect(ci.estimate == estimate)
        // The half-widths are 1.96 standard errors of the whole set (the sample's would be √2.5 × wider).
        #expect(abs((estimate - ci.low) / se - 1.96) < 0.4)
        #expect(abs((ci.high - estimate) / se - 1.96) < 0.4)
    }

    @Test func aPairedComparisonResamplesTheSameRowsOfBothModels() throws {
        let (t, a) = Self.table(accuracy: 0.8, seed: 6)
        // b is a with every 20th row's label flipped: they differ on 5 % of rows only, so a paired
        // interval is far narrower than the unpaired sum of both models' errors.
        guard case .classes(let labels, let probabilities, _) = a else { return }
        let flipped = labels.enumerated().map { $0.offset % 20 == 0 ? 1 - $0.element : $0.element }
        let b = Prediction.classes(labels: flipped, probabilities: probabilities, classCount: 2)
        let r = try PairedComparison.bootstrap(metric: "accuracy", target: t, a: a, b: b, resamples: 200, seed: 2)
        #expect(r.sampledRows == BootstrapSample.maxRows)
        #expect(r.improvement == (try Metrics.score("accuracy", target: t, prediction: b)) - r.scoreA)
        // Per row, b − a is ±1 on the 5 % flipped rows: its standard error is √(0.05 / n).
        let se = (0.05 / Double(Self.rows)).squareRoot()
        #expect(abs((r.high - r.low) / (2 * 1.96 * se) - 1) < 0.2)
    }

    @Test func upToTheLimitEveryRowIsResampled() {
        let small = BootstrapSample(count: BootstrapSample.maxRows, seed: 1)
        #expect(small.rows == nil && small.scale == 1)
        let large = BootstrapSample(count: BootstrapSample.maxRows + 1, seed: 1)
        #expect(large.rows?.count == BootstrapSample.maxRows)
        #expect(large.rows == large.rows?.sorted() && Set(large.rows ?? []).count == BootstrapSample.maxRows)
        #expect(large.rows == BootstrapSample(count: BootstrapSample.maxRows + 1, seed: 1).rows)
    }
}
