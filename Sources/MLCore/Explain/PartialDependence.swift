// Partial dependence (Friedman 2001) and ICE curves (Goldstein et al. 2015) for one input: set the
// input to each grid value on every row, predict, average (PD) and keep a seeded sample of rows'
// own curves (ICE); then say which way the effect goes, as facts (PartialDependenceEffect) and in
// English words built from them. Numeric inputs use a grid of
// quantiles; categorical inputs (a native categorical code, or a group of one-hot columns) use
// their levels. The curve is the prediction for regression and the probability of a class for
// classifiers. Leaves out: 2-D interactions.

/// A partial dependence curve with ICE samples and a plain-words direction.
public struct PartialDependenceResult: Sendable, Codable, Equatable {
    public var feature: String
    public var kind: String  // "numeric" or "categorical"
    /// Grid labels: the numeric value as text for numeric inputs, the level name for categorical ones.
    public var grid: [String]
    public var gridValues: [Double]?
    /// Mean prediction at each grid point.
    public var average: [Double]
    /// ICE curves of sampled rows: `ice[i][g]`.
    public var ice: [[Double]]
    public var iceRows: [Int]
    /// "increasing", "decreasing", "flat", "non-monotonic" or "categorical".
    public var direction: String
    /// Max − min of the average curve: how much the input moves the prediction.
    public var range: Double
    public var sentence: String
    /// What the curve measures (nil in results encoded before outputs were recorded).
    public var output: PartialDependenceOutput?
    /// The facts `sentence` is built from (nil in results encoded before effects carried facts).
    public var effect: PartialDependenceEffect?
}

public enum PartialDependence {
    /// Partial dependence of the output on the input `name` (a feature or a source column of one-hot features).
    /// - Parameters:
    ///   - outputLabel: what the curve measures, in words ("predicted survived"); `output` picks the class.
    ///   - outputTarget, outputClass: the target's name and the class `output` picks, kept as the result's facts.
    ///   - levelNames: names of the codes of native categorical features, by feature name.
    ///   - units: shows the grid in the dataset's units (the model is fed its own).
    /// - Complexity: O(grid × cost of predict on `rows` rows).
    public static func compute(
        x: FeatureMatrix, feature name: String, output: Int = 1, outputLabel: String = "prediction",
        outputTarget: String? = nil, outputClass: String? = nil, gridSize: Int = 20,
        iceSamples: Int = 30, maxRows: Int = 1000, seed: UInt64 = 0, levelNames: [String: [String]] = [:],
        units: OriginalUnits = .init(), predict: (FeatureMatrix) throws(MLError) -> Prediction
    ) throws(MLError) -> PartialDependenceResult {
        var members = x.features.indices.filter { x.features[$0].sourceColumn == name || x.features[$0].name == name }
        if let levels = PermutationImportance.oneHotLevels(x.features, members, source: name) {
            members = levels
        } else if let own = PermutationImportance.primary(x.features, members, source: name) {
            members = [own]
        } else if !members.isEmpty {
            members = [members[0]]
        }
        guard !members.isEmpty else {
            throw MLError(
                .unknownColumn,
                "No input '\(name)'. Inputs: \(Set(x.features.map(\.sourceColumn)).sorted().joined(separator: ", ")).")
        }
        var rng = SeededGenerator(seed: seed, stream: 0x9D)
        var rows = Array(0..<x.rows)
        if rows.count > maxRows { rows.shuffle(using: &rng); rows = Array(rows.prefix(maxRows)).sorted() }
        let base = x.selecting(rows: rows)
        // Each grid point is a list of (feature, value) assignments.
        var grid: [String] = [], gridValues: [Double]? = nil, settings: [[(Int, Double)]] = []
        let j = members[0]
        if members.count > 1 {
            for m in members {
                grid.append(x.features[m].name)
                settings.append(members.map { ($0, $0 == m ? 1.0 : 0.0) })
            }
        } else if case .categorical(let levels) = x.features[j].kind {
            let names = levelNames[x.features[j].name]
            for l in 0..<levels {
                grid.append(names.flatMap { l < $0.count ? $0[l] : nil } ?? "\(l)"); settings.append([(j, Double(l))])
            }
        } else {
            let values = x.column(j).filter { !$0.isNaN }.sorted()
            guard let lo = values.first, let hi = values.last else {
                throw MLError(.invalidInput, "'\(name)' has no non-missing values to vary.")
            }
            var points: [Double] = []
            let distinct = Array(Set(values)).sorted()
            if distinct.count <= gridSize {
                points = distinct
            } else {
                for g in 0..<gridSize {
                    points.append(Stats.quantile(values, 0.05 + 0.9 * Double(g) / Double(gridSize - 1)))
                }
                points = Array(Set(points)).sorted()
            }
            if points.isEmpty { points = [lo, hi] }
            // Grid values and labels in the dataset's units; the model still sees its own.
            let shown = points.map { units.original(x.features[j].name, $0) }
            gridValues = shown
            grid = shown.map { short($0) }
            settings = points.map { [(j, $0)] }
        }
        var curves = [[Double]](repeating: [], count: base.rows)
        var work = base
        for s in settings {
            for (f, v) in s { for r in 0..<work.rows { work[r, f] = v } }
            let out = try values(try predict(work), output: output)
            for r in 0..<base.rows { curves[r].append(out[r]) }
        }
        let average = (0..<settings.count).map { g in Stats.mean(curves.map { $0[g] }) }
        var sample = Array(0..<base.rows)
        sample.shuffle(using: &rng)
        sample = Array(sample.prefix(iceSamples)).sorted()
        let kind = gridValues == nil ? "categorical" : "numeric"
        let effect = describe(name: name, grid: grid, gridValues: gridValues, average: average)
        return PartialDependenceResult(
            feature: name, kind: kind, grid: grid, gridValues: gridValues, average: average,
            ice: sample.map { curves[$0] }, iceRows: sample.map { rows[$0] }, direction: effect.direction,
            range: (average.max() ?? 0) - (average.min() ?? 0),
            sentence: effect.sentence(feature: name, output: outputLabel),
            output: PartialDependenceOutput(label: outputLabel, target: outputTarget, className: outputClass),
            effect: effect)
    }

    /// The curve's value per row: the prediction, or the probability (else the indicator) of class `output`.
    static func values(_ p: Prediction, output: Int) throws(MLError) -> [Double] {
        switch p {
        case .values(let v): return v
        case .classes(let labels, let probs, let k):
            guard output < k else {
                throw MLError(.invalidParameter, "Class \(output) does not exist; the model has \(k) classes.")
            }
            if let probs { return (0..<labels.count).map { probs[$0 * k + output] } }
            return labels.map { $0 == output ? 1 : 0 }
        case .clusters:
            throw MLError(.unsupported, "Partial dependence needs a supervised model (classification or regression).")
        }
    }

    /// Which way the effect goes, with the values that say it: `gridValues` for numeric inputs, nil for
    /// categorical ones (whose grid labels are levels, or "column=level" for one-hot groups).
    static func describe(name: String, grid: [String], gridValues: [Double]?, average: [Double])
        -> PartialDependenceEffect
    {
        guard let hi = average.indices.max(by: { average[$0] < average[$1] }),
            let lo = average.indices.min(by: { average[$0] < average[$1] })
        else { return .none }
        let range = average[hi] - average[lo]
        let scale = max(abs(average[hi]), abs(average[lo]), 1e-12)
        if range <= 1e-3 * scale || range < 1e-12 { return .flat }
        guard let values = gridValues, values.count == average.count, let first = values.first, let last = values.last
        else {
            // One-hot levels are named "column=level": the sentence names the level once.
            func level(_ g: String) -> String { g.hasPrefix(name + "=") ? String(g.dropFirst(name.count + 1)) : g }
            return .categorical(
                highest: .init(name: level(grid[hi]), value: average[hi]),
                lowest: .init(name: level(grid[lo]), value: average[lo]))
        }
        var up = 0.0, down = 0.0
        for g in 1..<average.count {
            let d = average[g] - average[g - 1]
            if d > 0 { up += d } else { down -= d }
        }
        let trend = PartialDependenceEffect.Trend(
            from: average.first ?? 0, to: average.last ?? 0, low: first, high: last)
        if down <= 0.1 * up { return .increasing(trend) }
        if up <= 0.1 * down { return .decreasing(trend) }
        return .nonMonotonic(
            peak: .init(at: values[hi], value: average[hi]), lowest: .init(at: values[lo], value: average[lo]))
    }

    /// A number as the explain sentences write it: integers plain, else 3, 2 or 1 decimals by size.
    public static func short(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e9 { return String(Int(v)) }
        let a = abs(v)
        let digits = a >= 100 ? 1 : (a >= 1 ? 2 : 3)
        var m = 1.0
        for _ in 0..<digits { m *= 10 }
        return "\((v * m).rounded() / m)"
    }
}
