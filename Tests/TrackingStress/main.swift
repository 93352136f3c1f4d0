// A child process for the Tracking tests: it writes runs (or log entries) in a loop so a test can
// kill it mid-write with SIGKILL, or run two of it at once, and then check what was committed.
// Usage:
//   TrackingStress runs STORE_PATH COUNT TAG     insert COUNT runs (0: forever); print "committed ID TAG-i"
//   TrackingStress log WORKSPACE COUNT TAG       append COUNT log entries (0: forever); print "appended N"
//   TrackingStress full WORKSPACE LIMIT TAG      a log entry and a run, then files capped at LIMIT bytes
//                                                (RLIMIT_FSIZE, as a full disk): a big entry and a big run;
//                                                print "before ID", then "log-error MSG" / "store-error MSG"
//   TrackingStress problem WORKSPACE COUNT TAG   a session's log under problem "TAG.csv → y": context,
//                                                COUNT entries, decision; print "appended N"
// Each run's content is a pure function of "TAG-i", so the test can tell a complete run from a torn one.
import Foundation
import Tracking

/// Deterministic content for run `name`: a model blob of a few tens of KB and fold metrics.
func payload(_ name: String) -> (blob: Data, folds: [[String: Double]]) {
    var state = UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) })
    var bytes = [UInt8](repeating: 0, count: 32_768 + Int(state % 8192))
    for i in bytes.indices {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes[i] = UInt8(truncatingIfNeeded: state >> 33)
    }
    let folds = (0..<5).map { k in ["accuracy": Double((Int(state % 1000) + k) % 1000) / 1000] }
    return (Data(bytes), folds)
}

/// FNV-1a 64 of the bytes, in hex (the tests compute the same).
func fnv1a(_ data: Data) -> String {
    String(data.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16)
}

/// One line on stdout, unbuffered, so the test sees it before a kill.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count == 5, let count = Int(arguments[3]) else {
    fail("usage: TrackingStress runs|log PATH COUNT TAG")
}
let tag = arguments[4]
do {
    switch arguments[1] {
    case "runs":
        let store = try RunStore(path: arguments[2])
        var i = 0
        while count == 0 || i < count {
            let name = "\(tag)-\(i)"
            let (blob, folds) = payload(name)
            var run = RunRecord(
                dataset: DatasetInfo(fingerprint: "fp-\(tag)", rows: 100, columns: 5, path: "data.csv"),
                target: "y", task: "classification", modelFamily: "stress", hypothesis: name)
            run.foldMetrics = folds
            run.metrics = ["accuracy": MetricSummary(folds: folds.compactMap { $0["accuracy"] })]
            run.model = blob
            // The test recomputes this from the stored blob: a torn write would not match.
            run.hyperParameters = ["blob_fnv": .string(fnv1a(blob)), "blob_bytes": .number(Double(blob.count))]
            let stored = try store.insert(run)
            emit("committed \(stored.id) \(name)")
            i += 1
        }
    case "log":
        let log = ExperimentLog(workspace: URL(fileURLWithPath: arguments[2]), language: .en)
        var i = 0
        while count == 0 || i < count {
            let entry = try log.append(
                LogEntry(
                    title: "\(tag) \(i)", hypothesis: "h\(i)", approach: "a\(i)", result: "r\(i)",
                    analysis: String(repeating: "analysis ", count: 200), next: "n\(i)", runIDs: []))
            emit("appended \(entry.number)")
            i += 1
        }
    case "problem":
        let log = ExperimentLog(workspace: URL(fileURLWithPath: arguments[2]), language: .en)
        let key = ProblemKey(dataset: "\(tag).csv", target: "y")
        try log.setContext(LogContext(problem: "predict y of \(tag)", data: "\(tag).csv", metric: "r2"), for: key)
        for i in 0..<count {
            let entry = try log.append(
                LogEntry(
                    title: "\(tag) \(i)", hypothesis: "h\(i)", approach: "a\(i)", result: "r\(i)", analysis: "an\(i)",
                    next: "n\(i)", runIDs: []), to: key)
            emit("appended \(entry.number)")
        }
        try log.setDecision("keep \(tag)", for: key)
    case "full":
        let workspace = URL(fileURLWithPath: arguments[2])
        let log = ExperimentLog(workspace: workspace, language: .en)
        let store = try RunStore(workspace: workspace)
        func entry(_ analysis: String) -> LogEntry {
            LogEntry(
                title: tag, hypothesis: "h", approach: "a", result: "r", analysis: analysis, next: "n", runIDs: [])
        }
        func run(_ bytes: Int) -> RunRecord {
            var run = RunRecord(
                dataset: DatasetInfo(fingerprint: "fp-\(tag)", rows: 100, columns: 5, path: "data.csv"),
                target: "y", task: "classification", modelFamily: "stress", hypothesis: tag)
            run.model = Data(repeating: 7, count: bytes)
            return run
        }
        try log.append(entry("fits"))
        emit("before \(try store.insert(run(1000)).id)")
        // Writes past the limit now fail with EFBIG, as they would with ENOSPC on a full disk.
        signal(SIGXFSZ, SIG_IGN)
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit)
        limit.rlim_cur = rlim_t(count)
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit)
        do {
            try log.append(entry(String(repeating: "too long for the disk ", count: count / 5)))
            emit("log-ok")
        } catch { emit("log-error \(error)") }
        do {
            _ = try store.insert(run(count * 4))
            emit("store-ok")
        } catch { emit("store-error \(error)") }
    default:
        fail("unknown mode \(arguments[1]); use runs, log, problem or full")
    }
} catch {
    fail("\(error)")
}
