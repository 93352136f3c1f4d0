// The store and the log across processes: a writer killed with SIGKILL in the middle of its
// writes leaves a sound file with every committed run complete; two writers at once lose nothing
// and never share an id; the log's files are always whole after a kill.
import Foundation
import TestSupport
import Testing

@testable import Tracking

@Suite(.serialized) struct CrashSafetyTests {
    /// Checks that a run written by TrackingStress is whole: its blob hashes to what it recorded.
    func expectComplete(_ run: RunRecord) {
        guard let blob = run.model else {
            Issue.record("run \(run.id) has no model blob")
            return
        }
        #expect(run.hyperParameters["blob_fnv"] == .string(fnv1a(blob)), "run \(run.id) blob torn")
        #expect(run.hyperParameters["blob_bytes"] == .number(Double(blob.count)))
        #expect(run.foldMetrics.count == 5)
        #expect(
            run.metrics["accuracy"]?.mean == MetricSummary(folds: run.foldMetrics.compactMap { $0["accuracy"] }).mean)
    }

    @Test func storeSurvivesAWriterKilledMidWrite() throws {
        let path = try scratchFolder().appendingPathComponent("runs.sqlite").path
        for round in 0..<3 {
            let child = try StressChild(["runs", path, "0", "k\(round)"])
            child.waitForLines(15 + round * 7)
            child.kill()
            let committed = child.lines.compactMap { line -> (String, String)? in
                let parts = line.split(separator: " ")
                return parts.count == 3 && parts[0] == "committed" ? (String(parts[1]), String(parts[2])) : nil
            }
            #expect(committed.count >= 15)
            let store = try RunStore(path: path)
            #expect(try store.integrityCheck() == "ok")
            let runs = try store.list(includeModels: true)
            let byID = Dictionary(runs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for (id, name) in committed {
                #expect(byID[id]?.hypothesis == name, "committed run \(id) (\(name)) missing after the kill")
            }
            runs.filter { $0.modelFamily == "stress" }.forEach(expectComplete)
            #expect(Set(runs.map(\.id)).count == runs.count)
            // The store stays writable after the crash.
            #expect(try store.insert(sampleRun()).id.hasPrefix("r"))
        }
    }

    @Test func twoProcessesWritingAtOnceLoseNothing() throws {
        let path = try scratchFolder().appendingPathComponent("runs.sqlite").path
        _ = try RunStore(path: path)  // create the schema once, so both children start writing at once
        let a = try StressChild(["runs", path, "60", "A"])
        let b = try StressChild(["runs", path, "60", "B"])
        #expect(a.finish() == 0)
        #expect(b.finish() == 0)
        let store = try RunStore(path: path)
        let runs = try store.list(includeModels: true)
        #expect(runs.count == 120)
        #expect(Set(runs.map(\.id)).count == 120)
        let names = Set(runs.compactMap(\.hypothesis))
        for i in 0..<60 {
            #expect(names.contains("A-\(i)") && names.contains("B-\(i)"))
        }
        runs.forEach(expectComplete)
        // Each child saw its own runs committed in order.
        for child in [a, b] {
            let ids = child.lines.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
            #expect(ids == ids.sorted())
        }
    }

    @Test func logFilesAreWholeAfterAWriterIsKilled() throws {
        let workspace = try scratchFolder()
        let log = ExperimentLog(workspace: workspace)
        for round in 0..<3 {
            let child = try StressChild(["log", workspace.path, "0", "k\(round)"])
            child.waitForLines(8)
            child.kill()
            let appended = child.lines.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
            let document = try log.read()
            // Every acknowledged entry is there, numbered 1…n in order with none lost or repeated.
            #expect(document.entries.map(\.number) == Array(1...document.entries.count))
            #expect(document.entries.count >= (appended.max() ?? 0))
            // The Markdown is the rendering of the sidecar, or of the sidecar one entry earlier
            // (killed between the two renames); render() repairs it.
            let markdown = try String(contentsOfFile: log.markdownPath, encoding: .utf8)
            var previous = document
            previous.entries.removeLast()
            #expect(markdown == LogRenderer.markdown(document) || markdown == LogRenderer.markdown(previous))
            try log.render()
            #expect(try String(contentsOfFile: log.markdownPath, encoding: .utf8) == LogRenderer.markdown(document))
        }
        // The next write clears the temporary files the killed writers left.
        let names =
            try FileManager.default.contentsOfDirectory(atPath: workspace.path)
            + FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent(".mlexp").path)
        #expect(names.filter { $0.hasSuffix(".tmp") } == [])
        #expect(names.filter { $0.hasSuffix(".md") } == ["EXPERIMENTS.md"])
    }
}
