// Gathering a session for export: the log's entries with the runs they cite, the main metric, the
// charts saved with runs, runs the log cites but the store lacks, and a workspace with no log.
import Foundation
import TestSupport
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct SessionReportTests {
        @Test func entriesCarryTheirRunsAndComparisonCharts() async throws {
            let report = try SessionReport.load(workspace: try await ExportWorkspace.make())
            #expect(report.mainMetric == "accuracy")
            #expect(report.runs.map(\.modelFamily) == ["baseline", "logistic", "gbdt"])
            #expect(report.experiments.map { $0.runs.map(\.modelFamily) } == [["baseline"], ["logistic"], ["gbdt"]])
            // Each experiment is compared with the baseline; the boosting run also has its saved chart.
            #expect(
                report.experiments.map { $0.charts.map(\.kind) } == [
                    ["run_comparison"], ["run_comparison"], ["run_comparison", "feature_importance"],
                ])
            let comparison = try #require(report.experiments[1].charts.first)
            let points = try #require(comparison.layers.first { $0.mark == .point })
            #expect(
                points.data.compactMap(\.x.number)
                    == [report.runs[0].metrics["accuracy"]?.mean, report.runs[1].metrics["accuracy"]?.mean].compactMap {
                        $0
                    })
            #expect(report.missingRuns.isEmpty)
        }

        @Test func mainMetricComesFromTheContextThenTheRuns() {
            let runs = [ExportWorkspace.run("gbdt", [:], accuracy: [0.9, 0.8])]
            #expect(
                SessionReport.mainMetric(
                    context: LogContext(problem: "p", data: "d", metric: "F1_macro above 0.8"), runs: runs)
                    == "f1_macro")
            #expect(
                SessionReport.mainMetric(
                    context: LogContext(problem: "p", data: "d", metric: "whatever works"), runs: runs) == "accuracy")
            #expect(SessionReport.mainMetric(context: nil, runs: []) == nil)
        }

        @Test func runsTheStoreLacksAreReportedNotInvented() async throws {
            var log = LogDocument(language: .en)
            log.entries = [
                LogEntry(
                    title: "t", hypothesis: "h", approach: "a", result: "r", analysis: "an", next: "n",
                    runIDs: ["r9999"])
            ]
            let report = SessionReport(log: log, runs: [])
            #expect(report.missingRuns == ["r9999"])
            #expect(report.experiments[0].runs.isEmpty && report.experiments[0].charts.isEmpty)
            #expect(NotebookBuilder.note(report).contains("r9999"))
        }

        @Test func aWorkspaceWithoutLogSaysWhatToRun() async throws {
            let ws = try scratchFolder("nolog")
            #expect { try SessionReport.load(workspace: ws) } throws: { e in
                (e as? TrackingError)?.message.contains("mlexp run") == true
            }
            #expect(!FileManager.default.fileExists(atPath: RunStore.defaultPath(workspace: ws).path))
        }

        @Test func chartArchiveRoundTripsAndRejectsUnsafeNames() async throws {
            let ws = try scratchFolder("archive")
            let archive = ChartArchive(workspace: ws)
            let chart = try Chart.roc([CurveInput(name: "a", x: [0, 0.5, 1], y: [0, 0.8, 1], score: 0.9)])
            try archive.save(chart, runID: "r0001")
            #expect(archive.charts(runID: "r0001") == [chart])
            #expect(archive.charts(runID: "r0002").isEmpty)
            #expect(throws: TrackingError.self) { try archive.save(chart, runID: "../escape") }
            try Data("not json".utf8).write(to: archive.folder.appendingPathComponent("r0001/broken.json"))
            #expect(archive.charts(runID: "r0001") == [chart])
            #expect(archive.problems(runID: "r0001").count == 1)
        }
    }
}
