// Importance read from the model itself: split gain and split count summed over the trees of a
// tree model (TreeStructure.gain), standardized coefficients |β · sd(x)| for linear models (through
// the small `LinearAttributable` protocol a linear model conforms to), and the global mean |SHAP|
// ranking. All are grouped by dataset column (one-hot columns add up under their source).
// Leaves out: impurity importance normalised to sum to 1 (shares are easy to derive from totals).

/// A linear model whose raw output is `intercept + Σ coefficient × feature` per output.
public protocol LinearAttributable: FittedModel {
    /// Coefficients on the model's input features, `[output * features.count + feature]`.
    var linearCoefficients: [Double] { get }
    /// Raw outputs (1 for regression and binary classification, one per class for multinomial).
    var linearOutputs: Int { get }
}

public enum ModelImportance {
    /// Total split gain ("gain") or number of splits ("split_count") per input, over all trees.
    /// - Complexity: O(total nodes).
    public static func trees(
        _ trees: [TreeStructure], features: [FeatureInfo], kind: String = "gain", groupBySource: Bool = true
    ) throws(MLError) -> ImportanceReport {
        guard kind == "gain" || kind == "split_count" else {
            throw MLError(.invalidParameter, "Tree importance is 'gain' or 'split_count', not '\(kind)'.")
        }
        var perFeature = [Double](repeating: 0, count: features.count)
        var perTree = [[Double]]()
        for t in trees {
            var mine = [Double](repeating: 0, count: features.count)
            for n in 0..<t.nodeCount where !t.isLeaf(n) {
                let f = Int(t.feature[n])
                guard f < features.count else {
                    throw MLError(
                        .shapeMismatch, "A tree splits on feature \(f) but the model has \(features.count) features.")
                }
                mine[f] += kind == "gain" ? t.gain[n] : 1
            }
            for j in 0..<features.count { perFeature[j] += mine[j] }
            perTree.append(mine)
        }
        return grouped(features, groupBySource, method: kind) { group in
            let totals = perTree.map { row in group.reduce(0.0) { $0 + row[$1] } }
            return (group.reduce(0.0) { $0 + perFeature[$1] }, Stats.std(totals, ddof: 0))
        }
    }

    /// Importance of a tree ensemble's inputs by split gain or split count.
    public static func trees(_ model: some TreeEnsemble, kind: String = "gain", groupBySource: Bool = true)
        throws(MLError) -> ImportanceReport
    {
        try trees(model.trees, features: model.features, kind: kind, groupBySource: groupBySource)
    }

    /// |coefficient × standard deviation of the feature on `x`| summed over outputs: the change in the raw
    /// output for a one-standard-deviation change of the input.
    public static func standardizedCoefficients(
        _ model: some LinearAttributable, x: FeatureMatrix, groupBySource: Bool = true
    ) throws(MLError) -> ImportanceReport {
        try model.checkFeatures(of: x)
        return try standardizedCoefficients(
            model.linearCoefficients, outputs: model.linearOutputs, features: model.features, x: x,
            groupBySource: groupBySource)
    }

    /// Standardized coefficients from raw `[output * features + feature]` coefficients.
    public static func standardizedCoefficients(
        _ coefficients: [Double], outputs k: Int, features: [FeatureInfo], x: FeatureMatrix, groupBySource: Bool = true
    ) throws(MLError) -> ImportanceReport {
        let f = features.count
        guard coefficients.count == f * k, x.featureCount == f else {
            throw MLError(
                .shapeMismatch,
                "The model reports \(coefficients.count) coefficients for \(f) features × \(k) outputs on data with \(x.featureCount) features."
            )
        }
        let sd = (0..<f).map { j in Stats.std(x.column(j).filter { !$0.isNaN }, ddof: 0) }
        let contribution = (0..<f).map { j in (0..<k).reduce(0.0) { $0 + abs(coefficients[$1 * f + j] * sd[j]) } }
        return grouped(features, groupBySource, method: "coefficient") { group in
            (group.reduce(0.0) { $0 + contribution[$1] }, 0)
        }
    }

    /// Global importance from SHAP values: mean over rows of |Σ SHAP of the input's features|, summed over outputs.
    public static func shap(_ values: ShapValues, features: [FeatureInfo], groupBySource: Bool = true)
        -> ImportanceReport
    {
        let f = values.features.count
        return grouped(features, groupBySource, method: "shap") { group in
            var perRow = [Double](repeating: 0, count: values.rows)
            for r in 0..<values.rows {
                for k in 0..<values.outputs {
                    let base = (r * values.outputs + k) * f
                    perRow[r] += abs(group.reduce(0.0) { $0 + values.values[base + $1] })
                }
            }
            return (Stats.mean(perRow), Stats.std(perRow, ddof: 0))
        }
    }

    static func grouped(
        _ features: [FeatureInfo], _ bySource: Bool, method: String, _ measure: ([Int]) -> (Double, Double)
    ) -> ImportanceReport {
        let out = PermutationImportance.groups(features, bySource: bySource).map { g in
            let (v, s) = measure(g.features)
            let names = g.features.map { features[$0].name }
            return FeatureImportance(name: g.name, importance: v, std: s, features: names == [g.name] ? nil : names)
        }
        return ImportanceReport(features: out, method: method)
    }
}
