// The Swift side of benchmarks/explain.py: times our metrics, TreeSHAP and permutation importance on
// inputs the Python side wrote (raw little-endian float64 files and a JSON tree export), and prints
// the median seconds of several runs as JSON. Leaves out: data generation and the peer libraries.

import Foundation
import MLCore

struct Trees: Decodable {
    struct Tree: Decodable {
        var feature: [Int32]; var threshold: [Double]; var left: [Int32]; var right: [Int32]
        var value: [Double]; var valueWidth: Int; var cover: [Double]
    }
    var trees: [Tree]; var base: [Double]; var scale: Double; var features: Int

    var structures: [TreeStructure] {
        trees.map { t in
            var s = TreeStructure(valueWidth: t.valueWidth)
            s.feature = t.feature; s.threshold = t.threshold; s.left = t.left; s.right = t.right
            s.value = t.value; s.cover = t.cover
            s.leftCategories = Array(repeating: nil, count: t.feature.count)
            s.missingGoesLeft = Array(repeating: true, count: t.feature.count)
            s.gain = Array(repeating: 0, count: t.feature.count)
            return s
        }
    }
}

func doubles(_ path: String) throws -> [Double] {
    let d = try Data(contentsOf: URL(fileURLWithPath: path))
    return d.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
}

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    times.sort()
    return times[times.count / 2]
}

let args = CommandLine.arguments
guard args.count >= 4, let runs = Int(args[3]) else {
    FileHandle.standardError.write(
        Data("usage: ExplainBench metrics|shap|permutation|permutation_model DIR RUNS\n".utf8))
    exit(2)
}
let dir = args[2]
var out: [String: Double] = [:]
do {
    switch args[1] {
    case "metrics":
        let y = try doubles("\(dir)/y.f64").map { Int($0) }, s = try doubles("\(dir)/score.f64")
        let yr = try doubles("\(dir)/yreg.f64"), pr = try doubles("\(dir)/preg.f64")
        let probs = s.flatMap { [1 - $0, $0] }, labels = s.map { $0 > 0.5 ? 1 : 0 }
        out["roc_auc"] = try median(runs) { _ = try Metrics.rocAUC(y, s) }
        out["average_precision"] = try median(runs) { _ = try Metrics.averagePrecision(y, s) }
        out["log_loss"] = try median(runs) { _ = try Metrics.logLoss(y, probabilities: probs, classCount: 2) }
        out["brier"] = try median(runs) { _ = try Metrics.brier(y, probabilities: probs, classCount: 2) }
        out["accuracy"] = try median(runs) { _ = try Metrics.accuracy(y, labels) }
        out["f1"] = try median(runs) { _ = try Metrics.f1(y, labels) }
        out["mcc"] = try median(runs) { _ = try Metrics.mcc(y, labels, classCount: 2) }
        out["r2"] = try median(runs) { _ = try Metrics.r2(yr, pr) }
        out["rmse"] = try median(runs) { _ = try Metrics.rmse(yr, pr) }
        out["mae"] = try median(runs) { _ = try Metrics.mae(yr, pr) }
        out["median_ae"] = try median(runs) { _ = try Metrics.medianAE(yr, pr) }
        out["check_roc_auc"] = try Metrics.rocAUC(y, s)
    case "shap", "permutation":
        let model = try JSONDecoder().decode(
            Trees.self, from: Data(contentsOf: URL(fileURLWithPath: "\(dir)/model.json")))
        let flat = try doubles("\(dir)/x.f64")  // row-major rows × features
        let f = model.features, rows = flat.count / f
        let cols = (0..<f).map { j in (0..<rows).map { flat[$0 * f + j] } }
        let x = FeatureMatrix(columns: cols)
        let trees = model.structures, comb = TreeCombination(base: model.base, scale: model.scale)
        if args[1] == "shap" {
            var sv: ShapValues?
            out["total"] = try median(runs) {
                sv = try TreeSHAP.explain(trees: trees, combination: comb, x: x, threads: 2)
            }
            out["total_1thread"] = try median(runs) {
                _ = try TreeSHAP.explain(trees: trees, combination: comb, x: x, threads: 1)
            }
            var naive: ShapValues?
            out["naive_1thread"] = try median(runs) {
                naive = try TreeSHAP.explain(trees: trees, combination: comb, x: x, threads: 1, algorithm: .naive)
            }
            out["max_diff_naive"] = zip(sv?.values ?? [], naive?.values ?? []).map { abs($0 - $1) }.max() ?? .nan
            out["leaves"] = Double(trees.reduce(0) { $0 + $1.feature.filter { $0 < 0 }.count })
            out["rows"] = Double(rows)
            out["check_row0_feature0"] = sv?[0, 0, 0] ?? .nan
        } else {
            let y = try doubles("\(dir)/y.f64")
            let repeats = 5
            var report: ImportanceReport?
            out["total"] = try median(runs) {
                report = try PermutationImportance.compute(x: x, y: .values(y), metric: "r2", repeats: repeats, seed: 0)
                {
                    (m: FeatureMatrix) throws(MLError) -> Prediction in
                    .values(TreeSHAP.rawPrediction(trees: trees, combination: comb, x: m))
                }
            }
            out["top_feature"] = Double(report?.features.first.map { Int($0.name.dropFirst()) ?? -1 } ?? -1)
        }
    case "permutation_model":
        // Our own gradient boosting fitted on the same training rows with the
        // peer's size (100 trees, depth ≤ 6, up to 64 leaves), then the product's permutation importance
        // (ModelExplainer.permutation, the model's own predict) on the same rows, with 1 and 2 threads.
        func matrix(_ name: String) throws -> FeatureMatrix {
            let flat = try doubles("\(dir)/\(name)"), f = 10, rows = flat.count / f
            return FeatureMatrix(columns: (0..<f).map { j in (0..<rows).map { flat[$0 * f + j] } })
        }
        let xt = try matrix("xtrain.f64"), yt = try doubles("\(dir)/ytrain.f64")
        let x = try matrix("x.f64"), y = try doubles("\(dir)/y.f64")
        for threads in [1, 2] {
            let model = try ModelRegistry.make(
                "gbdt",
                parameters: [
                    "maxIter": "100", "maxDepth": "6", "maxLeafNodes": "64", "minSamplesLeaf": "1",
                    "learningRate": "0.1",
                    "threads": String(threads),
                ]
            ).fit(TrainingSet(x: xt, y: .values(yt)))
            var report: ImportanceReport?
            out["total_\(threads)thread"] = try median(runs) {
                report = try ModelExplainer.permutation(model, TrainingSet(x: x, y: .values(y)), "r2", 5, 0)
            }
            out["top_feature"] = Double(report?.features.first.map { Int($0.name.dropFirst()) ?? -1 } ?? -1)
            out["leaves"] = Double(model.treeEnsemble?.trees.reduce(0) { $0 + $1.feature.filter { $0 < 0 }.count } ?? 0)
        }
    default:
        FileHandle.standardError.write(Data("unknown benchmark \(args[1])\n".utf8)); exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8)); exit(1)
}
let json = try JSONEncoder().encode(out)
print(String(decoding: json, as: UTF8.self))
