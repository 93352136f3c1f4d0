// A profile warning rebuilt from the facts load_data reports (kind, column, value, action, class,
// majority baseline, with the rest of its result), which is all the Autopilot sees: so a French session
// says it from its facts (DataWarning+French.swift, in MLCore), never from load_data's English message.

import Foundation
import MLCore

extension DataWarning {
    /// A warning rebuilt from one entry of load_data's `warnings` (kind, column, value, action, and the
    /// rare class or the leakage probe's majority baseline when known) and the rest of its result `r`
    /// (the target's name and task, the columns' types and distinct counts); nil for an unknown kind or
    /// a missing value. A result without `class` (an older load_data) takes the rarest listed class.
    init?(loadDataWarning w: JSONValue, in r: JSONValue) {
        guard let raw = w["kind"]?.stringValue, let kind = Kind(rawValue: raw) else { return nil }
        let column = w["column"]?.stringValue, value = w["value"]?.doubleValue
        let info = (r["columns"]?.arrayValue ?? []).first { $0["name"]?.stringValue == column }
        let detail: Detail
        switch kind {
        case .idLike: detail = .idLike
        case .constant: detail = .constant(empty: info?["distinct"]?.intValue == 0)
        case .nearCopy: detail = .nearCopy(correlation: info?["type"]?.stringValue == "categorical" ? nil : value)
        case .suspiciousPredictor:
            guard let v = value else { return nil }
            let target = r["target"]?["name"]?.stringValue ?? "?"
            let score: SuspicionScore
            switch w["score"]?.stringValue ?? (r["task"]?.stringValue == "regression" ? "r2" : "roc_auc") {
            case "r2": score = .r2(v)
            case "balanced_accuracy": score = .balancedAccuracy(v, majority: w["majority_baseline"]?.doubleValue ?? 0)
            default: score = .auc(v)
            }
            detail = .suspiciousPredictor(
                target: target, score: score,
                afterOutcome: w["named_after_outcome"]?.boolValue ?? (w["action"]?.stringValue == "drop_column"))
        case .repeatedEntity:
            guard let v = value, let entities = w["entities"]?.intValue, let share = w["repeated_share"]?.doubleValue
            else { return nil }
            detail = .repeatedEntity(
                target: r["target"]?["name"]?.stringValue ?? "?", entities: entities, repeatedShare: share,
                agreement: v, baseline: w["majority_baseline"]?.doubleValue ?? 0)
        case .nearDuplicates:
            guard let v = value else { return nil }
            detail = .nearDuplicates(count: Int(v.rounded()), tolerance: w["tolerance"]?.doubleValue ?? 0.01)
        case .duplicateRows, .highCardinality, .heavyMissing, .skewedTarget, .imbalancedTarget, .likelyLeakage:
            guard let v = value else { return nil }
            switch kind {
            case .duplicateRows: detail = .duplicateRows(count: Int(v.rounded()))
            case .highCardinality: detail = .highCardinality(levels: Int(v.rounded()))
            case .heavyMissing:
                detail = .heavyMissing(share: v, drop: w["action"]?.stringValue == Action.dropColumn.rawValue)
            case .skewedTarget: detail = .skewedTarget(skewness: v)
            case .imbalancedTarget:
                detail = .imbalancedTarget(className: w["class"]?.stringValue ?? Self.rarestClass(r), share: v)
            default:
                let target = r["target"]?["name"]?.stringValue ?? "?"
                let baseline = w["majority_baseline"]?.doubleValue
                detail = .likelyLeakage(
                    target: target,
                    score: r["task"]?.stringValue == "regression" ? .r2(v) : .accuracy(v, majorityBaseline: baseline))
            }
        }
        self.init(column: column, relatedColumn: w["related_column"]?.stringValue, detail: detail)
    }

    /// The class with the fewest rows in load_data's class counts, when it is the only one and every class is listed.
    static func rarestClass(_ r: JSONValue) -> String? {
        guard let counts = r["target"]?["class_counts"]?.objectValue, counts.count < 20 else { return nil }
        let pairs = counts.compactMap { name, n in n.intValue.map { (name, $0) } }
        guard let fewest = pairs.map(\.1).min() else { return nil }
        let rarest = pairs.filter { $0.1 == fewest }
        return rarest.count == 1 ? rarest[0].0 : nil
    }
}
