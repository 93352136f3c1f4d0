// Several sessions in one workspace, with the mlexp binary: two Autopilot sessions started together in
// one folder keep both problems in the log (each entry's runs trained on its problem), `mlexp log
// --verify` passes, the exports write one file per problem, and the W&B script has one group per problem.
import Foundation
import TestSupport
import Testing

@testable import Tracking

@Suite struct SharedWorkspaceCLITests {
    let titanic = ProblemKey(dataset: "titanic.csv", target: "survived")
    let mpg = ProblemKey(dataset: "mpg.csv", target: "hwy")

    /// Two Autopilot sessions started together in one folder, as two terminals would.
    @Test func twoAutopilotSessionsAtOnceKeepBothProblems() throws {
        let ws = try scratchFolder("two-sessions")
        for name in ["titanic.csv", "mpg.csv"] {
            try FileManager.default.copyItem(
                at: Repository.datasets.appendingPathComponent(name),
                to: ws.appendingPathComponent(name))
        }
        let sessions = try [("titanic.csv", "survived"), ("mpg.csv", "hwy")].map { file, target in
            let process = Process()
            process.executableURL = try builtExecutable("mlexp")
            process.arguments = ["run", file, "--target", target, "--model", "autopilot"]
            process.currentDirectoryURL = ws
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in sessions {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let document = try ExperimentLog(workspace: ws).read()
        #expect(Set(document.problems.compactMap(\.key)) == [titanic, mpg])
        let store = try RunStore(workspace: ws)
        for problem in document.problems {
            let key = try #require(problem.key)
            #expect(problem.context?.data.contains(key.dataset) == true, "context of \(key)")
            #expect(problem.decision?.isEmpty == false, "decision of \(key)")
            #expect(problem.entries.count >= 3 && problem.entries.map(\.number) == Array(1...problem.entries.count))
            // Every run an entry cites was trained on this problem's data and target.
            for id in problem.entries.flatMap(\.runIDs) {
                let run = try store.get(id)
                #expect(run.dataset.path == key.dataset && run.target == key.target, "\(id) filed under \(key)")
            }
        }
        #expect(try ExperimentLog(workspace: ws).verify(against: store).isEmpty)
        let markdown = try String(contentsOf: ws.appendingPathComponent("EXPERIMENTS.md"), encoding: .utf8)
        #expect(
            markdown.contains("## Problem: titanic.csv → survived") && markdown.contains("## Problem: mpg.csv → hwy"))
        #expect(markdown.components(separatedBy: "\n### Decision\n").count == 3)
        // `mlexp log --verify` reads it, and each export writes one file per problem.
        #expect(try runMLExp(["log", "--verify"], in: ws).status == 0)
        let html = try runMLExp(["export", "html"], in: ws)
        #expect(html.status == 0, "\(html.err)")
        for name in ["EXPERIMENTS-titanic-survived.html", "EXPERIMENTS-mpg-hwy.html"] {
            #expect(FileManager.default.fileExists(atPath: ws.appendingPathComponent(name).path), "\(name)")
        }
        let one = try runMLExp(["export", "notebook", "--problem", "mpg.csv"], in: ws)
        #expect(one.status == 0 && one.out.contains("EXPERIMENTS-mpg-hwy.ipynb"), "\(one.out) \(one.err)")
        // W&B: one group per problem, each with its part of the log.
        let wandb = try runMLExp(["export", "wandb", "--out", "wb.py"], in: ws)
        #expect(wandb.status == 0 && wandb.out.contains("in 2 group(s)"), "\(wandb.out) \(wandb.err)")
        let script = try String(contentsOf: ws.appendingPathComponent("wb.py"), encoding: .utf8)
        #expect(
            script.contains("\"group\": \"titanic.csv · survived · ")
                && script.contains("\"group\": \"mpg.csv · hwy · "))
    }
}
