// Validation shared by every estimator's `fit` and `predict`: non-empty data, finite values where a
// family cannot take missing values, class targets, parameter ranges. Messages say what to do next,
// because people and the LLM both read them.
// Leaves out: column-level checks of the data layer (unknown columns, types): those happen before.

/// Families that fit on data with missing values (NaN) natively.
let familiesTakingMissingValues = "gbdt and tree"

enum InputChecks {
    /// Throws unless `data` has at least `minimumRows` rows and one feature.
    static func requireRows(_ x: FeatureMatrix, model: String, minimumRows: Int = 1) throws(MLError) {
        try requireRows(rows: x.rows, features: x.featureCount, model: model, minimumRows: minimumRows)
    }

    static func requireRows(rows: Int, features: Int, model: String, minimumRows: Int = 1) throws(MLError) {
        guard features > 0 else {
            throw MLError(.invalidInput, "\(model) needs at least one feature column; the data has none.")
        }
        guard rows >= minimumRows else {
            throw MLError(
                .invalidInput,
                "\(model) needs at least \(minimumRows) row\(minimumRows == 1 ? "" : "s") to fit; the data has \(rows)."
            )
        }
    }

    /// Throws when any value is NaN or infinite, naming the first bad feature and who can take it.
    static func requireFinite(_ x: FeatureMatrix, model: String) throws(MLError) {
        for j in 0..<x.featureCount {
            var bad = 0
            var sawNaN = false
            x.values.withUnsafeBufferPointer { v in
                let base = j * x.rows
                for r in 0..<x.rows where !v[base + r].isFinite {
                    bad += 1
                    if v[base + r].isNaN { sawNaN = true }
                }
            }
            if bad > 0 {
                let what = sawNaN ? "missing (NaN)" : "infinite"
                throw MLError(
                    .invalidInput,
                    "Feature '\(x.features[j].name)' has \(bad) \(what) value\(bad == 1 ? "" : "s"); \(model) cannot take them. "
                        + "Impute them in preprocessing, or use \(familiesTakingMissingValues), which handle missing values natively."
                )
            }
        }
    }

    /// Throws on infinite values (NaN is allowed: the family handles missing values).
    static func requireNoInfinity(_ x: FeatureMatrix, model: String) throws(MLError) {
        try requireNoInfinity(FeatureColumns(x), model: model)
    }

    static func requireNoInfinity(_ x: FeatureColumns, model: String) throws(MLError) {
        for j in 0..<x.featureCount {
            if x.firstValue(ofFeature: j, where: { $0.isInfinite }) != nil {
                throw MLError(
                    .invalidInput,
                    "Feature '\(x.features[j].name)' has infinite values; \(model) takes missing values (NaN) but not infinity. "
                        + "Replace them (clip or mark as missing) in preprocessing.")
            }
        }
    }

    /// Class labels and class count of a classification target, with the checks every classifier needs.
    static func classes(_ data: TrainingSet, model: String) throws(MLError) -> (labels: [Int], names: [String]) {
        try classes(data.y, model: model)
    }

    static func classes(_ y: TargetValues, model: String) throws(MLError) -> (labels: [Int], names: [String]) {
        guard case .classes(let labels, let names) = y else {
            throw MLError(
                .invalidTarget,
                "\(model) is a classifier and needs a class target; this target is \(y.task.rawValue). "
                    + "Use a regression model (linear, ridge, gbdt, random_forest, …) for a numeric target.")
        }
        guard names.count >= 2 else {
            throw MLError(
                .invalidTarget,
                "The target has a single class ('\(names.first ?? "")'); there is nothing to learn. Choose another target or add rows of other classes."
            )
        }
        guard names.count <= labels.count else {
            throw MLError(
                .invalidTarget,
                "The target has \(names.count) classes but only \(labels.count) rows: more classes than rows. "
                    + "Merge rare classes or choose another target.")
        }
        var seen = [Bool](repeating: false, count: names.count)
        for l in labels {
            guard l >= 0 && l < names.count else {
                throw MLError(
                    .invalidTarget, "Class label \(l) is outside 0..<\(names.count); the target encoding is broken.")
            }
            seen[l] = true
        }
        let present = seen.filter { $0 }.count
        guard present >= 2 else {
            let only = names[seen.firstIndex(of: true) ?? 0]
            throw MLError(
                .invalidTarget,
                "Every training row has the class '\(only)': a target with one class cannot be learned. "
                    + "Check the split (use a stratified one) or choose another target.")
        }
        return (labels, names)
    }

    /// The values of a regression target, finite.
    static func values(_ data: TrainingSet, model: String) throws(MLError) -> [Double] {
        try values(data.y, model: model)
    }

    static func values(_ target: TargetValues, model: String) throws(MLError) -> [Double] {
        guard case .values(let y) = target else {
            throw MLError(
                .invalidTarget,
                "\(model) is a regressor and needs a numeric target; this target is \(target.task.rawValue). "
                    + "Use a classifier (logistic, gbdt, random_forest, …) for a class target.")
        }
        if let bad = y.firstIndex(where: { !$0.isFinite }) {
            throw MLError(
                .invalidTarget,
                "The target has a missing or infinite value (row \(bad)); drop those rows before training.")
        }
        return y
    }

    /// Sample weights (all 1 when absent), checked non-negative and with a positive sum.
    static func weights(_ data: TrainingSet) throws(MLError) -> [Double] {
        try weights(data.sampleWeights, rows: data.rows)
    }

    static func weights(_ weights: [Double]?, rows: Int) throws(MLError) -> [Double] {
        guard let w = weights else { return [Double](repeating: 1, count: rows) }
        guard w.count == rows else {
            throw MLError(.shapeMismatch, "There are \(w.count) sample weights for \(rows) rows.")
        }
        guard w.allSatisfy({ $0.isFinite && $0 >= 0 }), w.reduce(0, +) > 0 else {
            throw MLError(.invalidInput, "Sample weights must be finite, non-negative and not all zero.")
        }
        return w
    }

    /// Throws unless `value` lies in `range`, naming the parameter and its valid range.
    static func require<T: Comparable>(
        _ name: String, _ value: T, in range: ClosedRange<T>, model: String
    ) throws(MLError) {
        guard range.contains(value) else {
            throw MLError(
                .invalidParameter,
                "\(model): \(name)=\(value) is out of range; valid values are \(range.lowerBound)…\(range.upperBound).")
        }
    }

    /// Throws unless `value` is finite and greater than `bound` (or equal when `orEqual`).
    static func require(
        _ name: String, _ value: Double, greaterThan bound: Double, orEqual: Bool = false, model: String
    ) throws(MLError) {
        guard value.isFinite, orEqual ? value >= bound : value > bound else {
            throw MLError(
                .invalidParameter,
                "\(model): \(name)=\(value) is out of range; it must be \(orEqual ? "≥" : ">") \(bound).")
        }
    }
}
