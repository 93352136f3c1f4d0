// One limit of a model as facts and as an English statement built from them: a weak segment (its
// slice, rows, score and 95 % interval against the overall one, reported only beyond noise), no weak
// segment beyond noise, extrapolation (rows outside each input's training
// range), an input whose importance rank moves across folds, class imbalance (the minority class's
// share and recall), possible leakage (one input's share of the importance), or no strong limit. A
// program that speaks another language renders `detail`, never `statement`.
// Leaves out: how the limits are found (ModelLimits.swift), any language but English.

/// A limit of a model: its kind, its facts and, built from them, an English statement.
public struct ModelLimit: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable, CaseIterable {
        case weakSegment = "weak_segment"
        case extrapolation
        case unstableImportance = "unstable_importance"
        case classImbalance = "class_imbalance"
        case possibleLeakage = "possible_leakage"
        case noStrongLimit = "no_strong_limit"
        case noWeakSegmentBeyondNoise = "no_weak_segment_beyond_noise"
    }

    /// Evaluated rows of one input outside its training range [min, max].
    public struct Outside: Sendable, Codable, Equatable {
        public var feature: String
        public var rows: Int
        public var min: Double
        public var max: Double
        public init(feature: String, rows: Int, min: Double, max: Double) {
            self.feature = feature
            self.rows = rows
            self.min = min
            self.max = max
        }
    }

    /// The facts behind a limit, one case per kind: everything its statement says, as values.
    public enum Detail: Sendable, Codable, Equatable {
        /// Rows of `feature`'s `slice` score `score` on `metric` (95 % interval [low, high], which excludes
        /// `overall`: the gap is beyond noise), against `overall` on all rows.
        case weakSegment(
            feature: String, slice: String, rows: Int, metric: String, score: Double, low: Double, high: Double,
            overall: Double)
        case extrapolation([Outside])
        /// Best and worst rank across folds (1 = most important).
        case unstableImportance(feature: String, bestRank: Int, worstRank: Int)
        /// The minority class, its share of training rows (0…1) and the recall on it when known.
        case classImbalance(className: String, share: Double, recall: Double?)
        /// The top input and its share (0…1) of the total importance, with a near-perfect score.
        case possibleLeakage(feature: String, importanceShare: Double)
        case noStrongLimit
        /// Of `slices` slices worse than overall on `metric`, none has an interval that excludes `overall`.
        case noWeakSegmentBeyondNoise(metric: String, slices: Int, overall: Double)

        public var kind: Kind {
            switch self {
            case .weakSegment: .weakSegment
            case .extrapolation: .extrapolation
            case .unstableImportance: .unstableImportance
            case .classImbalance: .classImbalance
            case .possibleLeakage: .possibleLeakage
            case .noStrongLimit: .noStrongLimit
            case .noWeakSegmentBeyondNoise: .noWeakSegmentBeyondNoise
            }
        }
    }

    public private(set) var detail: Detail
    /// The limit in English, built from `detail`.
    public private(set) var statement: String
    public var kind: Kind { detail.kind }

    public init(_ detail: Detail) {
        self.detail = detail
        let short = PartialDependence.short
        switch detail {
        case .weakSegment(let feature, let slice, let rows, let metric, let score, let low, let high, let overall):
            statement =
                "Weak segment: \(feature) \(slice) (\(rows) rows) has \(metric) \(short(score)) [\(short(low)), \(short(high))] vs \(short(overall)) overall; its 95 % interval excludes the overall score, so the gap is beyond noise."
        case .extrapolation(let outside):
            statement =
                "Extrapolation: "
                + outside.map {
                    "\($0.rows) rows have \($0.feature) outside the training range [\(short($0.min)), \(short($0.max))]"
                }
                .joined(separator: "; ") + "; predictions there are guesses beyond the data."
        case .unstableImportance(let feature, let best, let worst):
            statement =
                "Unstable importance: \(feature) ranks between \(best) and \(worst) across folds; do not read much into its position."
        case .classImbalance(let className, let share, let recall):
            let rec = recall.map { ", recall on it \(short($0))" } ?? ""
            statement =
                "Class imbalance: '\(className)' is \(short(share * 100)) % of training rows\(rec); accuracy flatters the model, prefer balanced_accuracy or average_precision."
        case .possibleLeakage(let feature, let share):
            statement =
                "Possible leakage: \(feature) carries \(Self.percent(share)) % of the importance with a near-perfect score; check it is known before the target is."
        case .noWeakSegmentBeyondNoise(let metric, let slices, let overall):
            statement =
                "No limit found beyond noise among segments: \(slices) slices score worse than the overall \(metric) \(short(overall)), but each one's 95 % interval contains it."
        case .noStrongLimit:
            statement =
                "No strong limit found on these rows; the estimates still carry the uncertainty of their confidence intervals."
        }
    }

    /// A share (0…1) as the whole percentage the statement writes.
    public static func percent(_ share: Double) -> Int { Int((share * 100).rounded()) }
}
