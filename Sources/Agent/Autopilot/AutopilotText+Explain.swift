// explain_model's findings (effect directions, weakest slices, limits) in French, from the result's
// facts: each effect's direction, and the error slices with their metric, rows and overall score.
// ModelLimits writes its statements weakest segments first (the error slices worse than overall, in
// order, at most three), so the first ones are rendered from those slices; a later statement
// (extrapolation, unstable importance, imbalance, leakage) has no facts in the result and is counted.
// Leaves out: the English sentences (MLCore's), which English sessions quote as they are.

import Foundation
import MLCore

extension AutopilotText {
    /// One effect in French, from its feature and direction (the numbers stay in the chart and the result).
    static func frenchEffect(_ x: JSONValue) -> String? {
        guard let feature = x["feature"]?.stringValue else { return nil }
        switch x["direction"]?.stringValue {
        case "increasing": return "\(feature) plus élevé → prédiction plus haute"
        case "decreasing": return "\(feature) plus élevé → prédiction plus basse"
        case "categorical": return "\(feature) : la prédiction dépend de sa modalité"
        case "non-monotonic": return "\(feature) : effet non monotone"
        case "flat": return "\(feature) : presque sans effet"
        case let other?: return "\(feature) : \(other)"
        case nil: return nil
        }
    }

    /// The first `count` limits in French: weak segments from the error slices, then how many others there are.
    static func frenchLimits(_ e: JSONValue, count: Int) -> [String] {
        let limits = e["limits"]?.arrayValue ?? []
        let metric = e["error_metric"]?.stringValue ?? ""
        let slices = Array((e["error_slices"]?.arrayValue ?? []).prefix(3))
        var out: [String] = []
        for s in slices.prefix(min(count, limits.count)) {
            guard let name = s["slice"]?.stringValue, let rows = s["rows"]?.intValue,
                let score = s[metric]?.doubleValue, let overall = s["overall"]?.doubleValue
            else { break }
            out.append("Tranche faible : \(name) (\(rows) lignes) a un \(metric) de \(PartialDependence.short(score)) contre \(PartialDependence.short(overall)) sur l'ensemble.")
        }
        let others = limits.count - out.count
        if out.count < count && others > 0 {
            out.append(out.isEmpty && others == 1
                ? "Une limite relevée par explain_model (extrapolation, importance instable, déséquilibre des classes, fuite possible ou aucune limite forte) : voir son résultat."
                : "\(others) autre(s) limite(s) relevée(s) par explain_model (extrapolation, importance instable, déséquilibre des classes ou fuite possible) : voir son résultat.")
        }
        return out
    }
}
