// The Swift side of the memory row of benchmarks/models.py: reads a column-major float64 feature file
// and a label file that the Python side wrote (no CSV parsing, so the data costs exactly rows × features
// × 8 bytes), fits gradient boosting (100 iterations, 31 leaves, learning rate 0.1) and prints JSON:
// fit seconds, peak RSS (getrusage, whole process), RSS right after loading, the float data size, and the
// training AUC as a sanity check. Leaves out: the CSV path (the `mlexp train` rows measure that).

import Foundation
import MLCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads `count` little-endian float64 values from `path` straight into an array.
func readDoubles(_ path: String, count: Int) throws -> [Double] {
    guard let f = fopen(path, "rb") else { throw MLError(.io, "cannot open \(path)") }
    defer { fclose(f) }
    var got = 0
    let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
        got = fread(buffer.baseAddress, MemoryLayout<Double>.size, count, f)
        initialized = got
    }
    guard got == count else { throw MLError(.io, "\(path): \(got) values, expected \(count)") }
    return values
}

/// Resident set size now (VmRSS), in MB.
func currentRSS() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Double(line.split(separator: " ")[1]).map { $0 / 1024 } ?? .nan
    }
    return .nan
}

func peakRSS() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let args = CommandLine.arguments
guard args.count >= 5, let rows = Int(args[3]), let features = Int(args[4]) else {
    FileHandle.standardError.write(Data("usage: ModelBench X.f64 Y.f64 ROWS FEATURES [THREADS]\n".utf8))
    exit(2)
}
let threads = args.count > 5 ? Int(args[5]) ?? 2 : 2
do {
    let x = FeatureMatrix(
        rows: rows, features: (0..<features).map { FeatureInfo(name: "f\($0)") },
        values: try readDoubles(args[1], count: rows * features))
    let labels = try readDoubles(args[2], count: rows).map { Int($0) }
    let data = TrainingSet(x: x, y: .classes(labels: labels, classNames: ["0", "1"]))
    let afterLoad = currentRSS()
    var p = GradientBoostingParameters()
    p.threads = threads
    let t0 = DispatchTime.now().uptimeNanoseconds
    let model = try HistGradientBoosting(p).fit(data)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    let peak = peakRSS()
    // Training AUC on the first 100,000 rows: a check that the fit learned something.
    let head = x.selecting(rows: Array(0..<min(rows, 100_000)))
    guard case .classes(_, let probs?, _) = try model.predict(head) else {
        throw MLError(.invalidInput, "no probabilities")
    }
    let auc = try Metrics.rocAUC(
        Array(labels[0..<head.rows]), stride(from: 1, to: probs.count, by: 2).map { probs[$0] })
    let out: [String: Double] = [
        "fit_seconds": seconds, "peak_rss_mb": peak, "rss_after_load_mb": afterLoad,
        "data_mb": Double(rows * features * 8) / 1_048_576, "train_auc": auc,
    ]
    print(String(decoding: try JSONEncoder().encode(out), as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
