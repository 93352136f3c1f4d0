// Keeps what explain_model computed as charts with the run (Tracking's ChartArchive), so
// `mlexp export notebook|html` shows the importance, the partial dependence of the top features and
// the calibration the model was judged on. Saving is best effort: a chart that cannot be drawn or
// written never fails the tool, and nothing here changes the tool's result. Leaves out drawing.
import Foundation
import Languages
import MLCore
import Tracking

enum ExplainCharts {
    /// Saves the charts of one explanation; returns the kinds saved.
    @discardableResult
    static func save(
        runID: String, model: String, workspace: URL, metric: String, importance: ImportanceReport?,
        effects: [PartialDependenceResult], output: String, errors: ErrorAnalysisResult?,
        language: Language = .en
    ) -> [String] {
        let archive = ChartArchive(workspace: workspace)
        var charts: [Chart] = []
        if let report = importance, !report.features.isEmpty {
            let m = report.metric ?? metric
            let measure =
                report.method == "permutation"
                ? ToolMessage.importanceDrop(metric: m).text(language)
                : ToolMessage.importance(method: report.method).text(language)
            let features = report.features.map { f in
                FeatureImportanceInput.Feature(
                    name: f.name, mean: f.importance, std: report.method == "permutation" ? f.std : nil)
            }
            if let chart = try? Chart.featureImportance(
                FeatureImportanceInput(measure: measure, features: features), language: language)
            {
                charts.append(chart)
            }
        }
        for pd in effects {
            guard let grid = pd.gridValues, grid.count == pd.average.count,
                var chart = try? Chart.partialDependence(
                    PartialDependenceInput(
                        feature: pd.feature, grid: grid, average: pd.average,
                        individual: pd.ice.filter { $0.count == grid.count }, output: output), language: language)
            else { continue }
            chart.kind = "partial_dependence_" + fileSafe(pd.feature)
            charts.append(chart)
        }
        if let bins = errors?.calibration, !bins.isEmpty,
            let chart = try? Chart.calibration(
                [CurveInput(name: model, x: bins.map(\.meanPredicted), y: bins.map(\.observed))], language: language)
        {
            charts.append(chart)
        }
        return charts.compactMap { chart in (try? archive.save(chart, runID: runID)).map { _ in chart.kind } }
    }

    /// A feature name reduced to the characters a file name may hold.
    static func fileSafe(_ name: String) -> String {
        let s = String(
            name.unicodeScalars.map {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") ? Character($0) : "_"
            })
        return String(s.prefix(60))
    }
}
