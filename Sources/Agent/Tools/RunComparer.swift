// The paired comparison of two runs that compute_metrics and compare_runs share: a paired bootstrap
// on their out-of-fold predictions when this session trained both, otherwise the corrected resampled
// t-test on their stored per-fold metrics (same folds when same seed and dataset).

import Foundation
import MLCore
import Tracking

enum RunComparer {
    /// Compares `b` against the reference `a` on `metric`; the JSON says which run is better and whether
    /// the difference is significant.
    static func compare(_ a: RunRecord, _ b: RunRecord, metric: String, session: Session) throws -> JSONValue {
        guard a.dataset.fingerprint == b.dataset.fingerprint else {
            throw ToolError(
                "runs \(a.id) and \(b.id) were trained on different data; compare runs on the same dataset.")
        }
        let result: MLCore.ComparisonResult
        if let x = session.artifacts(a.id), let y = session.artifacts(b.id), x.target == y.target {
            result = try PairedComparison.bootstrap(
                metric: metric, target: x.target, a: x.outOfFold, b: y.outOfFold, seed: 7)
        } else {
            let fa = a.foldMetrics.compactMap { $0[metric] }, fb = b.foldMetrics.compactMap { $0[metric] }
            guard fa.count == fb.count, fa.count >= 2, a.seed == b.seed else {
                throw ToolError(
                    "runs \(a.id) and \(b.id) have no paired folds for \(metric) (different folds or seeds); retrain one with the other's seed and folds."
                )
            }
            result = try PairedComparison.correctedTTest(
                metric: metric, foldScoresA: fa, foldScoresB: fb, validFraction: 1 / Double(fa.count - 1))
        }
        // `improvement` is oriented so that positive means b is better; report the raw difference b − a too.
        let better = result.better == "B" ? b.id : result.better == "A" ? a.id : "neither"
        var out: [String: JSONValue] = [
            "metric": .string(metric), "method": .string(result.method),
            "run": .string(b.id), "other_run": .string(a.id),
            "delta": .rounded(result.scoreB - result.scoreA), "improvement": .rounded(result.improvement),
            "ci_low": .rounded(result.low), "ci_high": .rounded(result.high),
            "p_value": .rounded(result.pValue), "significant": .bool(result.significant),
            "better_run": .string(better),
        ]
        if let m = result.sampledRows, let x = session.artifacts(a.id) {
            out["bootstrap"] = ComputeMetricsTool.sampleNote(m, of: x.target.count)
        }
        return .object(out)
    }
}
