// A SHAP summary (beeswarm) of a tree model, kept with the run for `mlexp export notebook|html`:
// TreeSHAP on up to 120 held-out rows of the explanation (a dot per row and feature: 12 features × 120
// rows is ≈ 230 KB of notebook with its SVG twin, so three explained runs stay well under 1 MB), one
// output (the regression value, the binary log-odds, or the last class's raw score), coloured by
// numeric feature value (categorical codes are left uncoloured). Best effort: a model that is not a
// tree ensemble, or a failure, saves nothing, and explain_model's result never changes.
// Leaves out: interaction values.
import Foundation
import Languages
import MLCore
import Tracking

enum ShapCharts {
    /// The beeswarm of `model` on the first `maxRows` rows of `valid`, or nil when it cannot be drawn.
    static func chart(
        model: AnyFittedModel, valid: FeatureMatrix, output: String, maxRows: Int = 120,
        language: Language = .en
    ) -> Chart? {
        guard let ensemble = model.treeEnsemble, valid.rows > 0 else { return nil }
        let rows = Array(0..<min(valid.rows, maxRows))
        let x = valid.selecting(rows: rows)
        guard let sv = try? TreeSHAP.explain(trees: ensemble.trees, combination: ensemble.treeCombination, x: x),
            sv.features.count == x.featureCount, sv.outputs > 0
        else { return nil }
        let out = sv.outputs - 1
        let features = x.features.enumerated().map { j, info in
            let shap = rows.indices.map { sv[$0, out, j] }
            let values: [Double?]? =
                info.kind == .numeric ? rows.indices.map { x[$0, j].isFinite ? x[$0, j] : nil } : nil
            return ShapSummaryInput.Feature(name: info.name, shapValues: shap, featureValues: values)
        }
        let label =
            sv.outputs == 1
            ? output : ToolMessage.rawScoreOfLastClass.text(language)
        return try? Chart.shapSummary(ShapSummaryInput(features: features, output: label), language: language)
    }

    /// Saves the beeswarm of a tree model for `runID`; returns whether it was saved.
    @discardableResult
    static func save(
        runID: String, model: AnyFittedModel, valid: FeatureMatrix, workspace: URL, output: String,
        language: Language = .en
    ) -> Bool {
        guard let chart = chart(model: model, valid: valid, output: output, language: language) else { return false }
        return (try? ChartArchive(workspace: workspace).save(chart, runID: runID)) != nil
    }
}
