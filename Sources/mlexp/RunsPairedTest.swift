// The paired test behind `mlexp runs compare`: on the same folds, MLCore's corrected resampled
// t-test (Nadeau & Bengio) per metric; otherwise, why no paired test is possible.
import MLCore
import Tracking

enum RunsPairedTest {
    static func lines(_ comparison: RunComparison) -> [String] {
        if let reason = comparison.unpairedReason {
            return ["No paired test: \(reason)."]
        }
        var lines = ["Paired test on the same \(comparison.a.foldMetrics.count) folds (corrected resampled t-test):"]
        for name in RunsFormat.orderedMetricNames(comparison.pairedFolds.keys) {
            guard let folds = comparison.pairedFolds[name], folds.a.count >= 2 else { continue }
            do {
                let result = try PairedComparison.correctedTTest(
                    metric: name, foldScoresA: folds.a, foldScoresB: folds.b,
                    validFraction: 1 / Double(folds.a.count - 1))
                lines.append("  \(name): \(result.summary)")
            } catch {
                lines.append("  \(name): \(error.message)")
            }
        }
        return lines
    }
}
