// What a model cannot do, derived from the other analyses: its weakest segments (error slices whose
// 95 % interval excludes the overall score; "no limit found beyond noise" when none does),
// the feature ranges seen in training (a prediction outside them is extrapolation), inputs whose
// importance is unstable across folds, what class imbalance does to per-class recall, and signs
// of leakage (one input carrying nearly all the importance with a near-perfect score). Each
// finding comes as facts with an English statement built from them (ModelLimit).
// Leaves out: drift over time (needs a time column).

/// The limits of a model, as data and as sentences.
public struct ModelLimitsResult: Sendable, Codable, Equatable {
    public struct FeatureRange: Sendable, Codable, Equatable {
        public var name: String
        public var min: Double
        public var max: Double
        /// Evaluated rows outside [min, max] (extrapolation), when evaluated rows were given.
        public var outsideRows: Int?
    }
    public struct Unstable: Sendable, Codable, Equatable {
        public var name: String
        public var mean: Double
        public var std: Double
        /// Best and worst rank across folds (1 = most important).
        public var bestRank: Int
        public var worstRank: Int
    }
    public struct Imbalance: Sendable, Codable, Equatable {
        public var classShares: [String: Double]
        public var recallByClass: [String: Double]
        public var minorityClass: String
    }
    public var weakestSegments: [ErrorAnalysisResult.Slice]
    public var featureRanges: [FeatureRange]
    public var unstableImportance: [Unstable]
    public var imbalance: Imbalance?
    public var leakageSuspects: [String]
    /// Each limit's kind and facts, in the order of `statements`.
    public var findings: [ModelLimit]
    /// Each limit in English (`findings`' statements).
    public var statements: [String]
}

public enum ModelLimits {
    /// Summarises the limits from the analyses at hand; every argument after `trainX` is optional.
    /// - Parameters:
    ///   - foldImportances: the same importance computed on each CV fold (for stability).
    ///   - importance: the overall importance, with `score` the validation score of `metric` (for leakage).
    public static func summarize(
        trainX: FeatureMatrix, evaluatedX: FeatureMatrix? = nil, errors: ErrorAnalysisResult? = nil,
        foldImportances: [ImportanceReport] = [], importance: ImportanceReport? = nil, score: Double? = nil,
        metric: String? = nil, trainTarget: TargetValues? = nil, evaluatedTarget: TargetValues? = nil,
        prediction: Prediction? = nil
    ) -> ModelLimitsResult {
        var said: [ModelLimit] = []
        // A weak segment is a finding only when its gap is beyond noise (its interval excludes the overall score).
        let greater = errors.map { Metrics.greaterIsBetter($0.metric) } ?? true
        let worse = (errors?.slices ?? []).filter { $0.gap > 0 }
        let weakest = Array(
            worse.filter { s in errors.map { s.worseBeyondNoise(than: $0.overall, greaterIsBetter: greater) } ?? false }
                .prefix(3))
        if let errors {
            for s in weakest {
                guard let low = s.low, let high = s.high else { continue }
                said.append(
                    .init(
                        .weakSegment(
                            feature: s.feature, slice: s.slice, rows: s.support, metric: errors.metric, score: s.score,
                            low: low, high: high, overall: errors.overall)))
            }
            if weakest.isEmpty && !worse.isEmpty {
                said.append(
                    .init(
                        .noWeakSegmentBeyondNoise(metric: errors.metric, slices: worse.count, overall: errors.overall)))
            }
        }
        var ranges: [ModelLimitsResult.FeatureRange] = []
        for j in 0..<trainX.featureCount where trainX.features[j].kind == .numeric {
            let v = trainX.column(j).filter { !$0.isNaN }
            guard let lo = v.min(), let hi = v.max() else { continue }
            var outside: Int? = nil
            if let e = evaluatedX, let k = e.features.firstIndex(where: { $0.name == trainX.features[j].name }) {
                outside = e.column(k).filter { !$0.isNaN && ($0 < lo || $0 > hi) }.count
            }
            ranges.append(.init(name: trainX.features[j].name, min: lo, max: hi, outsideRows: outside))
        }
        let extrapolated = ranges.filter { ($0.outsideRows ?? 0) > 0 }
        if !extrapolated.isEmpty {
            said.append(
                .init(
                    .extrapolation(
                        extrapolated.map {
                            .init(feature: $0.name, rows: $0.outsideRows ?? 0, min: $0.min, max: $0.max)
                        })))
        }
        let unstable = unstableFeatures(foldImportances)
        for u in unstable {
            said.append(.init(.unstableImportance(feature: u.name, bestRank: u.bestRank, worstRank: u.worstRank)))
        }
        let imbalance = imbalanceEffects(trainTarget, evaluatedTarget, prediction)
        if let imbalance, let share = imbalance.classShares[imbalance.minorityClass], share < 0.2 {
            said.append(
                .init(
                    .classImbalance(
                        className: imbalance.minorityClass, share: share,
                        recall: imbalance.recallByClass[imbalance.minorityClass])))
        }
        var leakage: [String] = []
        if let importance, let top = importance.features.first {
            let total = importance.features.reduce(0.0) { $0 + max($1.importance, 0) }
            let nearPerfect =
                score.map { s in
                    let key = metric ?? ""
                    return Metrics.greaterIsBetter(key) ? s >= 0.99 : s <= 1e-3
                } ?? false
            if total > 0, top.importance / total >= 0.8, nearPerfect {
                leakage.append(top.name)
                said.append(.init(.possibleLeakage(feature: top.name, importanceShare: top.importance / total)))
            }
        }
        if said.isEmpty { said.append(.init(.noStrongLimit)) }
        return ModelLimitsResult(
            weakestSegments: weakest, featureRanges: ranges, unstableImportance: unstable,
            imbalance: imbalance, leakageSuspects: leakage, findings: said, statements: said.map(\.statement))
    }

    /// Inputs among the top five on average whose rank moves by three or more places across folds.
    static func unstableFeatures(_ folds: [ImportanceReport]) -> [ModelLimitsResult.Unstable] {
        guard folds.count >= 2 else { return [] }
        var ranks: [String: [Int]] = [:], values: [String: [Double]] = [:]
        for f in folds {
            for (i, e) in f.features.enumerated() {
                ranks[e.name, default: []].append(i + 1); values[e.name, default: []].append(e.importance)
            }
        }
        let means = values.mapValues { Stats.mean($0) }
        let top = Set(means.sorted { $0.value > $1.value }.prefix(5).map(\.key))
        return top.sorted().compactMap { name in
            guard let r = ranks[name], let lo = r.min(), let hi = r.max(), hi - lo >= 3 else { return nil }
            return .init(
                name: name, mean: means[name] ?? 0, std: Stats.std(values[name] ?? [], ddof: 0), bestRank: lo,
                worstRank: hi)
        }
    }

    static func imbalanceEffects(_ train: TargetValues?, _ evaluated: TargetValues?, _ p: Prediction?)
        -> ModelLimitsResult.Imbalance?
    {
        guard case .classes(let y, let names)? = train, !y.isEmpty else { return nil }
        var counts = [Int](repeating: 0, count: names.count)
        for l in y where l < counts.count { counts[l] += 1 }
        var shares: [String: Double] = [:]
        for (i, n) in names.enumerated() { shares[n] = Double(counts[i]) / Double(y.count) }
        let minority = counts.indices.min { counts[$0] < counts[$1] } ?? 0
        var recall: [String: Double] = [:]
        if case .classes(let yv, _)? = evaluated, case .classes(let pv, _, let k)? = p,
            let cm = try? ConfusionMatrix(yTrue: yv, yPred: pv, classCount: max(k, names.count))
        {
            for (i, n) in names.enumerated() where cm.trueCount(i) > 0 {
                recall[n] = Double(cm[i, i]) / Double(cm.trueCount(i))
            }
        }
        return .init(classShares: shares, recallByClass: recall, minorityClass: names[minority])
    }
}
