// `mlexp run --resume` after `kill -9`: the session goes on from its last recorded step (a call whose
// result was never recorded runs again), the log gains no duplicate, and an Autopilot session resumed
// reaches the very log of an uninterrupted one (same experiments, numbers and run ids).
// `mlexp runs --sessions` marks the interrupted session before and not after.
import Foundation
import TestSupport
import Testing

@testable import Tracking

@Suite(.serialized) struct ResumeCLITests {
    func workspace(_ name: String) throws -> URL {
        let ws = try scratchFolder(name)
        try FileManager.default.copyItem(
            at: Repository.datasets.appendingPathComponent("titanic.csv"),
            to: ws.appendingPathComponent("titanic.csv"))
        return ws
    }

    /// A budget titanic's search never reaches, so no move depends on the machine's speed: the reference and
    /// the resumed session (run later, under another load) take the same path. A 2-minute budget let a loaded
    /// machine pass over moves in one and not the other.
    static let run = ["run", "titanic.csv", "--target", "survived", "--model", "autopilot"]
    static let unbounded = run + ["--budget", "30m"]

    /// The log without the seconds of the search budget used: wall-clock time is the one figure a resumed
    /// session cannot reproduce (the experiments, their numbers and run ids must be the same).
    static func withoutClock(_ log: String) -> String {
        log.replacing(/\d+ s of the (\d+) s budget/, with: { "N s of the \($0.output.1) s budget" })
    }

    /// Lines in the workspace's transcript so far.
    func transcriptLines(_ ws: URL) -> Int {
        let folder = ws.appendingPathComponent("transcripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .map { $0.split(separator: "\n").count }.reduce(0, +)
    }

    @Test(arguments: [5, 14, 27]) func aSessionKilledMidwayResumesToTheUninterruptedLog(afterLines: Int) throws {
        let reference = try workspace("resume-reference")
        #expect(try runMLExp(Self.unbounded, in: reference).status == 0)
        let expected = try String(contentsOf: reference.appendingPathComponent("EXPERIMENTS.md"), encoding: .utf8)

        let ws = try workspace("resume-\(afterLines)")
        let process = Process()
        process.executableURL = try builtExecutable("mlexp")
        process.arguments = Self.unbounded
        process.currentDirectoryURL = ws
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while transcriptLines(ws) < afterLines && process.isRunning && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the session ended before the kill")

        let sessions = try runMLExp(["runs", "--sessions"], in: ws)
        #expect(sessions.out.contains("interrupted"), "\(sessions.out)")
        let resumed = try runMLExp(Self.unbounded + ["--resume"], in: ws)
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.out.contains("Resuming titanic.csv → survived"))
        let log = try String(contentsOf: ws.appendingPathComponent("EXPERIMENTS.md"), encoding: .utf8)
        #expect(Self.withoutClock(log) == Self.withoutClock(expected))
        #expect(try runMLExp(["log", "--verify"], in: ws).status == 0)
        #expect(try runMLExp(["runs", "--sessions"], in: ws).out.contains("finished"))
        // Resuming a finished session does nothing.
        let again = try runMLExp(Self.unbounded + ["--resume"], in: ws)
        #expect(again.status == 0 && again.out.contains("nothing to resume"), "\(again.out)")
        #expect(
            Self.withoutClock(try String(contentsOf: ws.appendingPathComponent("EXPERIMENTS.md"), encoding: .utf8))
                == Self.withoutClock(expected))
    }

    /// Adds `seconds` to every recorded time of the workspace's transcript (as if the session had run that long).
    func age(_ ws: URL, by seconds: Int) throws {
        let folder = ws.appendingPathComponent("transcripts")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let aged = text.replacing(/"elapsed_ms":(\d+)/) {
                "\"elapsed_ms\":\((Int($0.output.1) ?? 0) + seconds * 1000)"
            }
            try aged.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func aResumedSessionSpendsOnlyWhatIsLeftOfItsBudget() throws {
        let ws = try workspace("resume-clock")
        let process = Process()
        process.executableURL = try builtExecutable("mlexp")
        process.arguments = Self.run
        process.currentDirectoryURL = ws
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while transcriptLines(ws) < 14 && process.isRunning && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the session ended before the kill")
        // The interrupted session had already spent 200 s of its 120 s budget before the logistic model.
        try age(ws, by: 200)
        let resumed = try runMLExp(Self.run + ["--resume"], in: ws)
        #expect(resumed.status == 0, "\(resumed.err)")
        let log = try String(contentsOf: ws.appendingPathComponent("EXPERIMENTS.md"), encoding: .utf8)
        let used = try #require(log.firstMatch(of: /(\d+) s of the 120 s budget/).flatMap { Int($0.output.1) })
        #expect(used >= 200, "the clock goes on from the recorded session's time")
        #expect(log.contains("Search: 0 experiments"), "no search move starts on a spent budget")
        #expect(log.contains("Left out for lack of time"))
        #expect(try runMLExp(["log", "--verify"], in: ws).status == 0)
    }
}
