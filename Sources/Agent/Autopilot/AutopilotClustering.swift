// The Autopilot's plan when there is no target (load_data framed a clustering task): context log →
// k-means on standardised features for k = 2…6, each one an experiment logged with hypothesis /
// approach / result / analysis / next → k chosen by the highest silhouette (the smaller k on a tie) →
// decision. A reference label column named by the user is passed to every fit (adjusted_rand) and
// left out of the features; it never chooses k. Steps carry call ids "apc<n>": step 0 is the context,
// step 1 + 2i trains the i-th k and 2 + 2i logs it, then the decision.
// Leaves out: the load step (AutopilotPlan's, shared) and the supervised plan.

import Foundation
import LLMClient
import Languages

/// One k-means fit of the plan, from train_model's result.
struct ClusterFit {
    var k: Int
    var runID: String
    var silhouette: Double
    var adjustedRand: Double?
}

/// Decides the next call of the clustering plan from the conversation.
struct AutopilotClustering {
    static let prefix = "apc"
    let brief: AutopilotBrief
    let framing: AutopilotFraming
    let history: AutopilotHistory

    init(brief: AutopilotBrief, framing: AutopilotFraming, messages: [ChatMessage]) {
        self.brief = brief
        self.framing = framing
        self.history = AutopilotHistory(messages: messages, prefix: Self.prefix)
    }

    var language: Language { brief.language }
    private func say(_ message: ClusteringMessage) -> String { message.text(language) }
    private typealias M = ClusteringMessage
    private var ksList: String { ks.map(String.init).joined(separator: ", ") }

    /// The numbers of clusters tried: 2…6, at most one less than the training rows.
    var ks: [Int] { Array(2...max(2, min(6, framing.trainRows - 1))) }
    var decisionStep: Int { 1 + 2 * ks.count }

    /// Columns left out of every fit: those the profile flagged, and free text (k-means measures distances).
    var drops: [String] {
        (framing.dropList + framing.textColumns).filter { $0 != brief.reference }
    }

    /// The fits done before `step`, in k order.
    func fits(before step: Int) -> [ClusterFit] {
        ks.indices.filter { 1 + 2 * $0 < step }.compactMap { i in
            guard let done = history[1 + 2 * i], done.ok, let id = done.result["run_id"]?.stringValue,
                let s = done.result["metrics"]?["silhouette"]?["mean"]?.doubleValue
            else { return nil }
            return ClusterFit(
                k: ks[i], runID: id, silhouette: s,
                adjustedRand: done.result["metrics"]?["adjusted_rand"]?["mean"]?.doubleValue)
        }
    }

    /// The fit with the highest silhouette (the smaller k on a tie).
    func best(before step: Int) -> ClusterFit? {
        fits(before: step).reduce(nil) { best, f in best.map { f.silhouette > $0.silhouette ? f : $0 } ?? f }
    }

    /// The next call (id, tool, arguments, words), or the closing words (no tool) when the plan is over.
    func next() -> (id: String, name: String?, arguments: JSONValue, text: String) {
        let step = history.lastStep + 1
        let id = AutopilotHistory.callID(step: step, prefix: Self.prefix)
        if step == 0 { return (id, "append_log", contextArguments(), afterLoad()) }
        if step < decisionStep {
            let i = (step - 1) / 2, k = ks[i]
            if step % 2 == 1 { return (id, "train_model", trainArguments(k), beforeTraining(k, step: step)) }
            guard let done = history[step - 1] else { return (id, nil, .null, final()) }
            return (id, "append_log", experimentArguments(k, done, step: step), beforeLog(k, done))
        }
        if step == decisionStep { return (id, "append_log", decisionArguments(), beforeDecision()) }
        return (id, nil, .null, final())
    }

    // MARK: calls

    func trainArguments(_ k: Int) -> JSONValue {
        var args: [String: JSONValue] = [
            "dataset_id": .string(framing.datasetID), "model": "kmeans", "hypothesis": .string(hypothesis(k)),
            "params": ["n_clusters": .int(k), "n_init": 10], "seed": 42,
        ]
        if !drops.isEmpty { args["drop"] = .strings(drops) }
        if let r = brief.reference { args["reference"] = .string(r) }
        return .object(args)
    }

    func contextArguments() -> JSONValue {
        let problem = (brief.goal.map { $0 + " — " } ?? "") + say(M.problem(path: brief.path))
        let dropped =
            drops.isEmpty ? say(M.noColumnDropped) : say(M.droppedLabel) + drops.joined(separator: ", ")
        var data = say(
            M.data(
                path: brief.path, rows: framing.rows, columns: framing.columnCount, trainRows: framing.trainRows,
                testRows: framing.testRows, dropped: dropped))
        if let r = brief.reference { data += say(M.referenceInData(r)) }
        let metric = say(M.metric(ks: ksList))
        return ["kind": "context", "problem": .string(problem), "data": .string(data), "metric": .string(metric)]
    }

    func hypothesis(_ k: Int) -> String {
        k == ks.first ? say(M.firstHypothesis(k: k)) : say(M.hypothesis(k: k))
    }

    func experimentArguments(_ k: Int, _ done: AutopilotHistory.Done, step: Int) -> JSONValue {
        let columns = drops.isEmpty ? say(M.everyColumn) : say(M.everyColumnExcept(drops))
        let reference = brief.reference.map { say(M.heldOutReference($0)) } ?? ""
        var args: [String: JSONValue] = [
            "kind": "experiment", "title": .string(say(M.title(k: k))),
            "hypothesis": .string(hypothesis(k)),
            "approach": .string(say(M.approach(k: k, columns: columns, reference: reference))),
            "next": .string(k == ks.last ? say(M.chooseK) : say(M.nextK(k + 1))),
        ]
        guard done.ok, let runID = done.result["run_id"]?.stringValue else {
            args["analysis"] = .string(say(M.fitFailed(error: done.error)))
            return .object(args)
        }
        args["run_ids"] = .strings([runID])
        var analysis: String
        if let previous = best(before: step - 1), let current = fits(before: step).first(where: { $0.runID == runID }) {
            args["compare_to"] = .string(previous.runID)
            analysis =
                current.silhouette > previous.silhouette
                ? say(M.holds(previousK: previous.k, previousRun: previous.runID, k: k))
                : say(M.rejected(previousK: previous.k, previousRun: previous.runID))
        } else {
            analysis = say(M.first)
        }
        if let r = brief.reference { analysis += say(M.referenceReported(r)) }
        args["analysis"] = .string(analysis)
        return .object(args)
    }

    func decisionArguments() -> JSONValue {
        let all = fits(before: decisionStep)
        guard let best = best(before: decisionStep) else {
            return [
                "kind": "decision", "title": .string(say(M.stopTitle)), "analysis": .string(say(M.stopAnalysis)),
                "next": .string(say(M.stopNext)),
            ]
        }
        var analysis = say(M.highest(k: best.k, tried: all.count))
        if let r = brief.reference, best.adjustedRand != nil { analysis += say(M.againstReference(r)) }
        return [
            "kind": "decision", "title": .string(say(M.keepTitle(k: best.k))),
            "run_ids": .strings([best.runID]), "analysis": .string(analysis),
            "next": .string(say(M.keepNext(run: best.runID))),
        ]
    }

    // MARK: words on screen (numbers quoted from tool results)

    private static func f3(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }

    private func score(_ f: ClusterFit) -> String {
        "silhouette \(Self.f3(f.silhouette))" + (f.adjustedRand.map { ", adjusted_rand \(Self.f3($0))" } ?? "")
            + " (\(f.runID))"
    }

    func afterLoad() -> String {
        var s = say(
            M.framing(rows: framing.rows, trainRows: framing.trainRows, testRows: framing.testRows, ks: ksList))
        if let r = brief.reference { s += say(M.referenceHeldOut(r)) }
        for d in drops { s += say(M.leavingOut(d)) }
        return s + say(M.writingContext)
    }

    func beforeTraining(_ k: Int, step: Int) -> String {
        let best = best(before: step).map { say(M.bestSoFar(k: $0.k, score: score($0))) } ?? ""
        return best + say(M.experiment(k: k, hypothesis: hypothesis(k)))
    }

    func beforeLog(_ k: Int, _ done: AutopilotHistory.Done) -> String {
        if let error = done.error { return say(M.fitFailedLogging(error)) }
        let sizes = (done.result["cluster_sizes"]?.arrayValue ?? []).compactMap(\.intValue).map(String.init).joined(
            separator: ", ")
        let fit = fits(before: Int.max).first { $0.k == k }
        return say(M.fitted(k: k, score: fit.map(score), sizes: sizes))
    }

    func beforeDecision() -> String {
        guard let best = best(before: decisionStep) else { return say(M.noFitSucceeded) }
        return say(M.highestSilhouette(k: best.k, score: score(best)))
    }

    func final() -> String {
        guard let best = best(before: decisionStep) else { return say(M.finalStop(logPath: brief.logPath)) }
        return say(M.finalKeep(k: best.k, score: score(best), logPath: brief.logPath))
    }
}
