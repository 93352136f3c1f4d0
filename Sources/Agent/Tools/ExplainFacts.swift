// explain_model's facts next to its English sentences: each effect's output (label, target, class) and
// the values its sentence quotes (highest and lowest level; start, end and input range of a monotone
// curve; peak and trough), and each limit's kind and values (`limit_facts`, in the order of `limits`).
// A number is given as its sentence writes it (PartialDependence.short), so a rendering in another
// language quotes the same numbers; only a whole number loses the ".0" the English may write ("1.0").
// Leaves out: the sentences themselves (MLCore's), the French rendering (Autopilot/Messages/ExplainFindings+French.swift).

import MLCore

enum ExplainFacts {
    /// One entry of `effects`: feature, direction and sentence as before, then the output and the facts.
    static func effect(_ pd: PartialDependenceResult) -> JSONValue {
        effect(
            feature: pd.feature, direction: pd.direction, sentence: pd.sentence, output: pd.output, effect: pd.effect)
    }

    static func effect(
        feature: String, direction: String, sentence: String, output: PartialDependenceOutput?,
        effect: PartialDependenceEffect?
    ) -> JSONValue {
        var o: [String: JSONValue] = [
            "feature": .string(feature), "direction": .string(direction), "sentence": .string(sentence),
        ]
        if let out = output {
            var output: [String: JSONValue] = ["label": .string(out.label)]
            if let t = out.target { output["target"] = .string(t) }
            if let c = out.className { output["class"] = .string(c) }
            o["output"] = .object(output)
        }
        switch effect {
        case .categorical(let hi, let lo)?:
            o["highest"] = ["level": .string(hi.name), "value": shown(hi.value)]
            o["lowest"] = ["level": .string(lo.name), "value": shown(lo.value)]
        case .increasing(let t)?, .decreasing(let t)?:
            o["from"] = shown(t.from)
            o["to"] = shown(t.to)
            o["feature_range"] = [shown(t.low), shown(t.high)]
        case .nonMonotonic(let peak, let lowest)?:
            o["peak"] = ["at": shown(peak.at), "value": shown(peak.value)]
            o["lowest"] = ["at": shown(lowest.at), "value": shown(lowest.value)]
        case .none?, .flat?, nil: break
        }
        return .object(o)
    }

    /// One entry of `limit_facts`: the limit's kind and its values.
    static func limit(_ l: ModelLimit) -> JSONValue {
        var o: [String: JSONValue] = ["kind": .string(l.kind.rawValue)]
        switch l.detail {
        case .weakSegment(let feature, let slice, let rows, let metric, let score, let low, let high, let overall):
            o["feature"] = .string(feature)
            o["slice"] = .string(slice)
            o["rows"] = .int(rows)
            o["metric"] = .string(metric)
            o["score"] = shown(score)
            o["interval"] = [shown(low), shown(high)]
            o["overall"] = shown(overall)
        case .noWeakSegmentBeyondNoise(let metric, let slices, let overall):
            o["metric"] = .string(metric)
            o["slices"] = .int(slices)
            o["overall"] = shown(overall)
        case .extrapolation(let outside):
            o["features"] = .array(
                outside.map {
                    ["feature": .string($0.feature), "rows": .int($0.rows), "min": shown($0.min), "max": shown($0.max)]
                })
        case .unstableImportance(let feature, let best, let worst):
            o["feature"] = .string(feature)
            o["best_rank"] = .int(best)
            o["worst_rank"] = .int(worst)
        case .classImbalance(let className, let share, let recall):
            o["class"] = .string(className)
            o["percent_of_rows"] = shown(share * 100)
            if let recall { o["recall"] = shown(recall) }
        case .possibleLeakage(let feature, let share):
            o["feature"] = .string(feature)
            o["percent_of_importance"] = .int(ModelLimit.percent(share))
        case .noStrongLimit: break
        }
        return .object(o)
    }

    /// A number as the English sentence writes it.
    static func shown(_ x: Double) -> JSONValue {
        guard x.isFinite else { return .null }
        return .number(Double(PartialDependence.short(x)) ?? x)
    }
}
