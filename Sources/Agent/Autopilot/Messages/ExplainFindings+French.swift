// ExplainFindings in French: explain_model's effects and limits from the result's facts (ExplainFacts):
// each effect's output and values (highest and lowest level, start, end and range of a monotone curve,
// peak and trough), each limit's kind and values (`limit_facts`), with the numbers the English
// sentences quote. Every limit kind has its sentence (the switch is exhaustive: a new kind does not
// compile without one); an effect without facts is said by its direction alone.
// Leaves out: the English sentences (MLCore's), which English sessions quote as they are.

import Foundation
import MLCore

extension ExplainFindings {
    var french: [String] {
        switch self {
        case .effects(let e): (e["effects"]?.arrayValue ?? []).prefix(3).compactMap(Self.frenchEffect)
        case .limits(let e): Self.frenchLimits(e, count: 3)
        }
    }

    /// One effect in French, from its facts (its direction alone when the result has none).
    static func frenchEffect(_ x: JSONValue) -> String? {
        guard let feature = x["feature"]?.stringValue else { return nil }
        let output = frenchOutput(x["output"])
        switch x["direction"]?.stringValue {
        case let d? where d == "increasing" || d == "decreasing":
            let way = d == "increasing" ? "haute" : "basse"
            guard let from = number(x["from"]), let to = number(x["to"]),
                let range = x["feature_range"]?.arrayValue, range.count == 2, let lo = number(range[0]),
                let hi = number(range[1])
            else { return "\(feature) plus élevé → \(output) plus \(way)" }
            return "\(feature) plus élevé → \(output) plus \(way) (de \(from) à \(to) sur \(lo) … \(hi))"
        case "categorical":
            guard let high = x["highest"]?["level"]?.stringValue, let highValue = number(x["highest"]?["value"]),
                let low = x["lowest"]?["level"]?.stringValue, let lowValue = number(x["lowest"]?["value"])
            else { return "\(feature) : la \(output) dépend de sa modalité" }
            return
                "\(feature) = \(high) donne la \(output) la plus haute (\(highValue)), \(feature) = \(low) la plus basse (\(lowValue))"
        case "non-monotonic":
            guard let peakAt = number(x["peak"]?["at"]), let peak = number(x["peak"]?["value"]),
                let lowAt = number(x["lowest"]?["at"]), let low = number(x["lowest"]?["value"])
            else { return "\(feature) : effet non monotone" }
            return
                "\(feature) : effet non monotone, la \(output) culmine à \(feature) ≈ \(peakAt) (\(peak)) et est la plus basse à \(lowAt) (\(low))"
        case "flat": return "\(feature) : presque sans effet sur la \(output)"
        case let other?: return "\(feature) : \(other)"
        case nil: return nil
        }
    }

    /// What an effect's curve measures: "prédiction de survived (p(1))".
    static func frenchOutput(_ o: JSONValue?) -> String {
        let target = o?["target"]?.stringValue.map { " de \($0)" } ?? ""
        return "prédiction\(target)" + (o?["class"]?.stringValue.map { " (p(\($0)))" } ?? "")
    }

    /// The first `count` limits in French, from `limit_facts`; limits without facts are counted.
    static func frenchLimits(_ e: JSONValue, count: Int) -> [String] {
        let said = (e["limit_facts"]?.arrayValue ?? []).prefix(count).compactMap(frenchLimit)
        let unsaid = min(count, e["limits"]?.arrayValue?.count ?? 0) - said.count
        return unsaid > 0
            ? said + ["\(unsaid) limite(s) relevée(s) par explain_model sans détail : voir son résultat."] : said
    }

    /// One entry of `limit_facts` in French; nil for an unknown kind or a missing value.
    static func frenchLimit(_ f: JSONValue) -> String? {
        guard let raw = f["kind"]?.stringValue, let kind = ModelLimit.Kind(rawValue: raw) else { return nil }
        let feature = f["feature"]?.stringValue
        switch kind {
        case .weakSegment:
            guard let feature, let slice = f["slice"]?.stringValue, let rows = f["rows"]?.intValue,
                let metric = f["metric"]?.stringValue,
                let score = number(f["score"]), let overall = number(f["overall"]),
                let interval = f["interval"]?.arrayValue, interval.count == 2, let low = number(interval[0]),
                let high = number(interval[1])
            else { return nil }
            return
                "Tranche faible : \(feature) \(slice) (\(rows) lignes) a un \(metric) de \(score) [\(low), \(high)] contre \(overall) sur l'ensemble ; son intervalle à 95 % exclut le score global, l'écart dépasse donc le bruit."
        case .noWeakSegmentBeyondNoise:
            guard let metric = f["metric"]?.stringValue, let slices = f["slices"]?.intValue,
                let overall = number(f["overall"])
            else { return nil }
            return
                "Aucune limite au-delà du bruit parmi les tranches : \(slices) tranches font moins bien que le \(metric) global de \(overall), mais l'intervalle à 95 % de chacune le contient."
        case .extrapolation:
            let outside = (f["features"]?.arrayValue ?? []).compactMap { o -> String? in
                guard let name = o["feature"]?.stringValue, let rows = o["rows"]?.intValue, let lo = number(o["min"]),
                    let hi = number(o["max"])
                else { return nil }
                return "\(rows) lignes ont \(name) hors de l'intervalle d'entraînement [\(lo), \(hi)]"
            }
            guard !outside.isEmpty else { return nil }
            return "Extrapolation : " + outside.joined(separator: " ; ")
                + " ; les prédictions y sont des suppositions au-delà des données."
        case .unstableImportance:
            guard let feature, let best = f["best_rank"]?.intValue, let worst = f["worst_rank"]?.intValue else {
                return nil
            }
            return
                "Importance instable : \(feature) se classe entre les rangs \(best) et \(worst) selon les folds ; sa position ne dit pas grand-chose."
        case .classImbalance:
            guard let name = f["class"]?.stringValue, let percent = number(f["percent_of_rows"]) else { return nil }
            let recall = number(f["recall"]).map { ", rappel sur elle \($0)" } ?? ""
            return
                "Déséquilibre des classes : '\(name)' fait \(percent) % des lignes d'entraînement\(recall) ; l'accuracy flatte le modèle, préférer balanced_accuracy ou average_precision."
        case .possibleLeakage:
            guard let feature, let percent = f["percent_of_importance"]?.intValue else { return nil }
            return
                "Fuite possible : \(feature) porte \(percent) % de l'importance avec un score quasi parfait ; vérifier qu'elle est connue avant la cible."
        case .noStrongLimit:
            return
                "Aucune limite forte sur ces lignes ; les estimations gardent l'incertitude de leurs intervalles de confiance."
        }
    }

    /// A number of the result as the English sentences write it.
    static func number(_ v: JSONValue?) -> String? { v?.doubleValue.map(PartialDependence.short) }
}
