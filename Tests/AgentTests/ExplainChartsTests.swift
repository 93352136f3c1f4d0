// explain_model's results kept as charts with the run (ExplainCharts → ChartArchive), for the
// notebook and HTML exports: importance with its spread, one partial dependence chart per feature,
// the calibration curve; inputs that cannot be drawn are skipped, never thrown.
import Foundation
import MLCore
import Testing
import Tracking

@testable import Agent

@Suite struct ExplainChartsTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func explanationIsSavedAsChartsOfTheRun() throws {
        let ws = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mlexp-explain-charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: ws, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let importance = try decode(
            ImportanceReport.self,
            """
            {"features": [{"name": "bill_length_mm", "importance": 0.3, "std": 0.02}, {"name": "island", "importance": 0.1, "std": 0.01}],
             "method": "permutation", "metric": "accuracy", "repeats": 3}
            """)
        let pd = try decode(
            PartialDependenceResult.self,
            """
            {"feature": "bill length/mm", "kind": "numeric", "grid": ["1", "2", "3"], "gridValues": [1, 2, 3],
             "average": [0.1, 0.4, 0.8], "ice": [], "iceRows": [], "direction": "increasing", "range": 0.7, "sentence": "s"}
            """)
        let broken = try decode(
            PartialDependenceResult.self,
            """
            {"feature": "island", "kind": "categorical", "grid": ["a", "b"], "average": [0.1, 0.4], "ice": [], "iceRows": [],
             "direction": "mixed", "range": 0.3, "sentence": "s"}
            """)
        let errors = try decode(
            ErrorAnalysisResult.self,
            """
            {"metric": "accuracy", "overall": 0.9, "worst": [], "slices": [],
             "calibration": [{"low": 0, "high": 0.5, "count": 10, "meanPredicted": 0.3, "observed": 0.2},
                             {"low": 0.5, "high": 1, "count": 12, "meanPredicted": 0.8, "observed": 0.9}]}
            """)
        let kinds = ExplainCharts.save(
            runID: "r0002", model: "logistic", workspace: ws, metric: "accuracy",
            importance: importance, effects: [pd, broken], output: "predicted Gentoo", errors: errors)
        #expect(kinds == ["feature_importance", "partial_dependence_bill_length_mm", "calibration_curve"])
        let saved = ChartArchive(workspace: ws).charts(runID: "r0002")
        #expect(saved.map(\.kind).sorted() == kinds.sorted())
        let chart = try #require(saved.first { $0.kind == "feature_importance" })
        #expect(chart.x.title == "drop in accuracy")
        #expect(chart.layers.first { $0.mark == .errorBar }?.data.count == 2)
        #expect(saved.first { $0.kind.hasPrefix("partial_dependence") }?.y.title == "predicted Gentoo")
    }
}
