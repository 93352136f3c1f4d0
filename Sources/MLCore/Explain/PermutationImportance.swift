// Permutation importance (Breiman 2001; scikit-learn's `permutation_importance`): the drop in a
// validation score when one input column's values are shuffled, repeated with seeded shuffles.
// Columns that come from the same dataset column (one-hot `sex=male`, `sex=female`) are shuffled
// together with one permutation and reported under the original name. Leaves out: conditional
// permutation for correlated features (the report's limits section warns about them instead).

/// The importance of one input (a dataset column, or a model feature when not grouped).
public struct FeatureImportance: Sendable, Codable, Equatable {
    public var name: String
    /// Mean over repeats (permutation) or the total (gain, split count, coefficients).
    public var importance: Double
    public var std: Double
    /// The model features this entry covers (more than one for one-hot columns).
    public var features: [String]?
}

/// A ranked list of importances with how they were measured.
public struct ImportanceReport: Sendable, Codable, Equatable {
    public var features: [FeatureImportance]
    /// "permutation", "gain", "split_count", "coefficient" or "shap".
    public var method: String
    public var metric: String?
    /// The score on untouched data (permutation only).
    public var baseline: Double?
    public var repeats: Int?

    public init(
        features: [FeatureImportance], method: String, metric: String? = nil, baseline: Double? = nil,
        repeats: Int? = nil
    ) {
        self.features = features.sorted {
            $0.importance != $1.importance ? $0.importance > $1.importance : $0.name < $1.name
        }
        self.method = method
        self.metric = metric
        self.baseline = baseline
        self.repeats = repeats
    }
}

public enum PermutationImportance {
    /// The one-hot members of a group (`source=level` features), or nil when the group is not one-hot
    /// (a numeric feature with its missing indicator, TF-IDF terms, datetime parts).
    static func oneHotLevels(_ features: [FeatureInfo], _ members: [Int], source: String) -> [Int]? {
        let levels = members.filter { features[$0].name.hasPrefix(source + "=") }
        return levels.count >= 2 && !members.contains { features[$0].name == source } ? levels : nil
    }

    /// The feature carrying a group's own values (named like the source column), if any.
    static func primary(_ features: [FeatureInfo], _ members: [Int], source: String) -> Int? {
        members.first { features[$0].name == source }
    }

    /// Groups feature indices by `FeatureInfo.sourceColumn` (or one group per feature), in first-seen order.
    public static func groups(_ features: [FeatureInfo], bySource: Bool) -> [(name: String, features: [Int])] {
        guard bySource else { return features.enumerated().map { ($0.element.name, [$0.offset]) } }
        var order: [String] = [], members: [String: [Int]] = [:]
        for (j, f) in features.enumerated() {
            if members[f.sourceColumn] == nil { order.append(f.sourceColumn) }
            members[f.sourceColumn, default: []].append(j)
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    /// Permutation importance of each input for a predictor on validation rows.
    /// - Parameters:
    ///   - metric: a key of `Metrics.allKeys`; default `Metrics.defaultKey(for:)` of the target's task.
    ///   - predict: the fitted model's predict (any model family).
    /// - Complexity: O(repeats × groups × cost of predict).
    public static func compute(
        x: FeatureMatrix, y: TargetValues, metric: String? = nil, repeats: Int = 5, seed: UInt64 = 0,
        groupBySource: Bool = true, predict: (FeatureMatrix) throws(MLError) -> Prediction
    ) throws(MLError) -> ImportanceReport {
        guard repeats >= 1 else { throw MLError(.invalidParameter, "repeats must be at least 1 (5 is usual).") }
        guard x.rows >= 2 else {
            throw MLError(.invalidInput, "Permutation importance needs at least 2 validation rows.")
        }
        let key = metric ?? Metrics.defaultKey(for: y.task)
        let sign = Metrics.greaterIsBetter(key) ? 1.0 : -1.0
        let baseline = try Metrics.score(key, target: y, prediction: try predict(x))
        var work = x
        var out: [FeatureImportance] = []
        for (g, group) in groups(x.features, bySource: groupBySource).enumerated() {
            var drops: [Double] = []
            for r in 0..<repeats {
                var rng = SeededGenerator(seed: seed, stream: UInt64(g) << 20 | UInt64(r))
                var perm = Array(0..<x.rows)
                perm.shuffle(using: &rng)
                for j in group.features {
                    let base = j * x.rows
                    for i in 0..<x.rows { work.values[base + i] = x.values[base + perm[i]] }
                }
                let s = try Metrics.score(key, target: y, prediction: try predict(work))
                drops.append(sign * (baseline - s))
                for j in group.features {
                    let base = j * x.rows
                    for i in 0..<x.rows { work.values[base + i] = x.values[base + i] }
                }
            }
            let names = group.features.map { x.features[$0].name }
            out.append(
                FeatureImportance(
                    name: group.name, importance: Stats.mean(drops), std: Stats.std(drops, ddof: 0),
                    features: names == [group.name] ? nil : names))
        }
        return ImportanceReport(features: out, method: "permutation", metric: key, baseline: baseline, repeats: repeats)
    }

    /// Permutation importance for a fitted model.
    public static func compute(
        model: some FittedModel, x: FeatureMatrix, y: TargetValues, metric: String? = nil, repeats: Int = 5,
        seed: UInt64 = 0, groupBySource: Bool = true
    ) throws(MLError) -> ImportanceReport {
        try model.checkFeatures(of: x)
        return try compute(x: x, y: y, metric: metric, repeats: repeats, seed: seed, groupBySource: groupBySource) {
            (m: FeatureMatrix) throws(MLError) -> Prediction in try model.predict(m)
        }
    }
}
