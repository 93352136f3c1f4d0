// Keeps what compute_metrics evaluated as charts with the run (Tracking's ChartArchive), so
// `mlexp export notebook|html` shows them: the confusion matrix (classes), ROC and precision-recall
// curves and the calibration curve (binary, from p(positive)), residuals against predictions
// (regression). Charts of the sealed test split get a `_test` suffix. Saving is best effort and
// never changes the tool's result. Leaves out: multiclass one-vs-rest curves and drawing.
import Foundation
import Languages
import MLCore
import Tracking

enum EvaluationCharts {
    /// Saves the charts of one evaluation; returns the kinds saved.
    @discardableResult
    static func save(
        runID: String, model: String, target: TargetValues, prediction: Prediction,
        targetName: String, split: String, workspace: URL, language: Language = .en
    ) -> [String] {
        var charts = build(
            model: model, target: target, prediction: prediction, targetName: targetName, language: language)
        if split == "test" {
            for i in charts.indices {
                charts[i].kind += "_test"
                charts[i].title += ToolMessage.onTestSplit.text(language)
            }
        }
        let archive = ChartArchive(workspace: workspace)
        return charts.compactMap { chart in (try? archive.save(chart, runID: runID)).map { _ in chart.kind } }
    }

    /// The charts of one evaluation (those that can be drawn from it).
    static func build(
        model: String, target: TargetValues, prediction: Prediction, targetName: String,
        language: Language = .en
    ) -> [Chart] {
        var charts: [Chart] = []
        switch (target, prediction) {
        case (.classes(let labels, let names), .classes(let predicted, let probabilities, let classCount))
        where labels.count == predicted.count && classCount == names.count && names.count <= 30:
            var counts = Array(repeating: Array(repeating: 0, count: names.count), count: names.count)
            for (t, p) in zip(labels, predicted) where names.indices.contains(t) && names.indices.contains(p) {
                counts[t][p] += 1
            }
            if let c = try? Chart.confusionMatrix(
                ConfusionMatrixInput(labels: names, counts: counts), language: language)
            {
                charts.append(c)
            }
            if names.count == 2, let probs = probabilities, probs.count == 2 * labels.count {
                let scores = (0..<labels.count).map { probs[2 * $0 + 1] }
                let positives = labels.map { $0 == 1 }
                let (fpr, tpr, precision, recall) = ScoreCurves.rocAndPrecisionRecall(
                    positives: positives, scores: scores)
                let auc = try? Metrics.rocAUC(labels, scores)
                if let c = try? Chart.roc([CurveInput(name: model, x: fpr, y: tpr, score: auc)], language: language) {
                    charts.append(c)
                }
                let prevalence = Double(positives.filter { $0 }.count) / Double(max(1, labels.count))
                if let c = try? Chart.precisionRecall(
                    [CurveInput(name: model, x: recall, y: precision)], prevalence: prevalence, language: language)
                {
                    charts.append(c)
                }
                let (meanP, observed) = calibration(positives: positives, scores: scores, bins: 10)
                if !meanP.isEmpty,
                    let c = try? Chart.calibration([CurveInput(name: model, x: meanP, y: observed)], language: language)
                {
                    charts.append(c)
                }
            }
        case (.values(let y), .values(let p)) where y.count == p.count && !y.isEmpty:
            if let c = try? Chart.residuals(
                ResidualsInput(predicted: p, actual: y, target: targetName), language: language)
            {
                charts.append(c)
            }
        default: break
        }
        return charts
    }

    /// Mean predicted probability and observed positive rate per non-empty equal-width bin.
    static func calibration(positives: [Bool], scores: [Double], bins: Int) -> ([Double], [Double]) {
        var sum = Array(repeating: 0.0, count: bins), hits = sum, count = sum
        for (s, y) in zip(scores, positives) where s.isFinite {
            let b = min(bins - 1, max(0, Int(s * Double(bins))))
            sum[b] += s; count[b] += 1; if y { hits[b] += 1 }
        }
        let used = (0..<bins).filter { count[$0] > 0 }
        return (used.map { sum[$0] / count[$0] }, used.map { hits[$0] / count[$0] })
    }
}
