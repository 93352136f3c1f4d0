// The inputs of the chart builders: plain Codable values of names and numbers, so any part of the
// program (the agent, the CLI, a test, a JSON file) can ask for a chart without the ML core's types.
// Leaves out: computing the numbers (importances, curves, bins come from MLCore/Explain and Metrics).

/// Global feature importance, with the spread over repeats (permutation importance) when known.
public struct FeatureImportanceInput: Sendable, Codable, Equatable {
    public struct Feature: Sendable, Codable, Equatable {
        public var name: String
        public var mean: Double
        /// Standard deviation over repeats (or folds); nil draws no error bar.
        public var std: Double?

        public init(name: String, mean: Double, std: Double? = nil) {
            self.name = name; self.mean = mean; self.std = std
        }

        /// Mean and sample standard deviation of the importances measured at each repeat.
        public init(name: String, repeats: [Double]) {
            let n = Double(repeats.count)
            let m = repeats.isEmpty ? 0 : repeats.reduce(0, +) / n
            let v = repeats.count > 1 ? repeats.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1) : nil
            self.init(name: name, mean: m, std: v.map { $0.squareRoot() })
        }
    }

    /// What was measured, for the axis: for example "drop in roc_auc" or "gain".
    public var measure: String
    public var features: [Feature]
    /// At most this many features are drawn, the largest first.
    public var top: Int

    public init(measure: String, features: [Feature], top: Int = 15) {
        self.measure = measure; self.features = features; self.top = top
    }
}

/// SHAP values of a sample of rows: per feature, one SHAP value per row and the row's feature value.
public struct ShapSummaryInput: Sendable, Codable, Equatable {
    public struct Feature: Sendable, Codable, Equatable {
        public var name: String
        public var shapValues: [Double]
        /// The feature's value on each row (same length as `shapValues`), nil where missing or not numeric.
        public var featureValues: [Double?]?

        public init(name: String, shapValues: [Double], featureValues: [Double?]? = nil) {
            self.name = name; self.shapValues = shapValues; self.featureValues = featureValues
        }
    }

    public var features: [Feature]
    /// The model output the SHAP values explain, for the axis (for example "log-odds of 'Adelie'").
    public var output: String
    public var top: Int
    /// Points per feature at most (an even stride through the rows keeps the chart light).
    public var maxPoints: Int

    public init(features: [Feature], output: String = "model output", top: Int = 12, maxPoints: Int = 300) {
        self.features = features; self.output = output; self.top = top; self.maxPoints = maxPoints
    }
}

/// Partial dependence of the prediction on one feature, with individual (ICE) curves.
public struct PartialDependenceInput: Sendable, Codable, Equatable {
    public var feature: String
    public var grid: [Double]
    /// The average prediction at each grid value.
    public var average: [Double]
    /// One curve per sampled row, each the length of `grid`.
    public var individual: [[Double]]
    public var output: String
    public var maxCurves: Int

    public init(
        feature: String, grid: [Double], average: [Double], individual: [[Double]] = [],
        output: String = "prediction", maxCurves: Int = 50
    ) {
        self.feature = feature; self.grid = grid; self.average = average; self.individual = individual
        self.output = output; self.maxCurves = maxCurves
    }
}

/// Counts of (actual, predicted) class pairs.
public struct ConfusionMatrixInput: Sendable, Codable, Equatable {
    public var labels: [String]
    /// counts[actual][predicted].
    public var counts: [[Int]]
    /// Shade and label by the share of each actual class (row) instead of raw counts.
    public var normalize: Bool

    public init(labels: [String], counts: [[Int]], normalize: Bool = false) {
        self.labels = labels; self.counts = counts; self.normalize = normalize
    }
}

/// One named curve of (x, y) points: a ROC curve (fpr, tpr), a precision-recall curve
/// (recall, precision) or a calibration curve (mean predicted, observed fraction).
public struct CurveInput: Sendable, Codable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// A summary shown in the legend: AUC, average precision, Brier score.
    public var score: Double?

    public init(name: String, x: [Double], y: [Double], score: Double? = nil) {
        self.name = name; self.x = x; self.y = y; self.score = score
    }
}

/// Predictions against actual values of a regression.
public struct ResidualsInput: Sendable, Codable, Equatable {
    public var predicted: [Double]
    public var actual: [Double]
    public var target: String
    public var maxPoints: Int

    public init(predicted: [Double], actual: [Double], target: String = "target", maxPoints: Int = 1500) {
        self.predicted = predicted; self.actual = actual; self.target = target; self.maxPoints = maxPoints
    }
}

/// Train and validation scores against the number of training rows.
public struct LearningCurveInput: Sendable, Codable, Equatable {
    public struct Series: Sendable, Codable, Equatable {
        public var name: String
        /// Scores per training size, one per fold.
        public var scores: [[Double]]

        public init(name: String, scores: [[Double]]) { self.name = name; self.scores = scores }
    }

    public var metric: String
    public var sizes: [Double]
    public var series: [Series]

    public init(metric: String, sizes: [Double], series: [Series]) {
        self.metric = metric; self.sizes = sizes; self.series = series
    }
}

/// Runs side by side on one metric, each with its confidence interval.
public struct RunComparisonInput: Sendable, Codable, Equatable {
    public struct Run: Sendable, Codable, Equatable {
        /// What the reader sees: for example "r3 gbdt".
        public var label: String
        public var value: Double
        public var low: Double?
        public var high: Double?

        public init(label: String, value: Double, low: Double? = nil, high: Double? = nil) {
            self.label = label; self.value = value; self.low = low; self.high = high
        }
    }

    public var metric: String
    public var runs: [Run]
    /// The label of the run the others are measured against (drawn as a dashed line), if any.
    public var reference: String?
    /// Width of the intervals, for the axis title (for example "95% CI").
    public var interval: String

    public init(metric: String, runs: [Run], reference: String? = nil, interval: String = "95% CI") {
        self.metric = metric; self.runs = runs; self.reference = reference; self.interval = interval
    }
}
