// compute_metrics' evaluations kept as charts with the run (EvaluationCharts → ChartArchive): the
// ROC / precision-recall points of a hand-checked example (the points scikit-learn's roc_curve with
// drop_intermediate=False gives for it), and, after a real Autopilot session on penguins (multiclass)
// and mpg (regression), a notebook that shows the confusion matrix / residuals and that nbformat
// accepts (when MLEXP_TEST_PYTHON is set).
import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@testable import Agent

@Suite(.serialized) struct EvaluationChartsTests {
    @Test func rocAndPrecisionRecallPointsPerThreshold() {
        // labels 1 0 1 0, scores .9 .8 .4 .1: thresholds .9 .8 .4 .1.
        let c = ScoreCurves.rocAndPrecisionRecall(positives: [true, false, true, false], scores: [0.9, 0.8, 0.4, 0.1])
        #expect(c.fpr == [0, 0, 0.5, 0.5, 1])
        #expect(c.tpr == [0, 0.5, 0.5, 1, 1])
        #expect(c.precision == [1, 1, 0.5, 2.0 / 3.0, 0.5])
        #expect(c.recall == [0, 0.5, 0.5, 1, 1])
        // Tied scores make one point.
        let tied = ScoreCurves.rocAndPrecisionRecall(positives: [true, false], scores: [0.5, 0.5])
        #expect(tied.fpr == [0, 1] && tied.tpr == [0, 1])
    }

    @Test func binaryEvaluationGivesFourChartsAndTestSplitIsSuffixed() throws {
        let ws = try TempWorkspace.make()
        defer { try? FileManager.default.removeItem(at: ws) }
        let target = TargetValues.classes(labels: [1, 0, 1, 0, 1], classNames: ["no", "yes"])
        let prediction = Prediction.classes(
            labels: [1, 0, 0, 0, 1], probabilities: [0.1, 0.9, 0.8, 0.2, 0.6, 0.4, 0.7, 0.3, 0.3, 0.7], classCount: 2)
        let kinds = EvaluationCharts.save(
            runID: "r0003", model: "logistic", target: target, prediction: prediction,
            targetName: "y", split: "test", workspace: ws)
        #expect(
            kinds == [
                "confusion_matrix_test", "roc_curve_test", "precision_recall_curve_test", "calibration_curve_test",
            ])
        let saved = ChartArchive(workspace: ws).charts(runID: "r0003")
        let cm = try #require(saved.first { $0.kind == "confusion_matrix_test" })
        // counts[actual][predicted]: actual yes → 2 yes + 1 no; actual no → 2 no.
        #expect(cm.layers.first?.data.compactMap(\.label) == ["2", "0", "1", "2"])
    }

    @Test(arguments: [("penguins", "species", "confusion_matrix"), ("mpg", "hwy", "residuals")])
    func autopilotNotebookShowsTheEvaluationCharts(_ file: String, _ target: String, _ kind: String) async throws {
        let root = try TempWorkspace.make()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset(file), to: root.appendingPathComponent("\(file).csv"))
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session(language: .en))
        let loop = AgentLoop(
            model: Autopilot(brief: AutopilotBrief(path: "\(file).csv", target: target)),
            tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.en),
            limits: LoopLimits(maxModelTurns: 60))
        guard case .answered = await loop.send("Run the session.") else {
            Issue.record("the session did not end with an answer")
            return
        }
        let report = try SessionReport.load(workspace: root)
        let kinds = report.experiments.flatMap(\.charts).map(\.kind)
        #expect(kinds.contains(kind), "charts in the report: \(kinds)")
        #expect(kinds.contains(kind + "_test"), "the chosen run's test evaluation is charted too: \(kinds)")
        let text = NotebookBuilder.notebook(report).serialized()
        #expect(text.contains("application/vnd.vegalite.v5+json"))
        guard let python = ProcessInfo.processInfo.environment["MLEXP_TEST_PYTHON"], !python.isEmpty else { return }
        let file = root.appendingPathComponent("session.ipynb")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [
            "-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", file.path,
        ]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "nbformat rejected the notebook")
    }
}
