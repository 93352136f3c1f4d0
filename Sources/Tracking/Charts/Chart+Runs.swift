public import Languages
// Charts across runs: the learning curve (score against training size, mean ± std over folds)
// and the comparison of runs (one metric per run with its confidence interval).
// Leaves out: deciding whether a difference is significant (MLCore/Metrics' paired comparison does).
public import MLCore

extension Chart {
    /// Each series' mean score against the training size, over a band of ± one standard deviation.
    public static func learningCurve(_ input: LearningCurveInput, language: Language = .en) throws(MLError)
        -> Chart
    {
        let w = ChartWords(language)
        guard !input.sizes.isEmpty, !input.series.isEmpty else {
            throw MLError(.invalidInput, "A learning curve needs training sizes and at least one series of scores.")
        }
        var layers: [ChartLayer] = [], lines: [ChartLayer] = []
        for (i, s) in input.series.enumerated() {
            guard s.scores.count == input.sizes.count, s.scores.allSatisfy({ !$0.isEmpty }) else {
                throw MLError(
                    .shapeMismatch,
                    "Series '\(s.name)' needs one non-empty list of fold scores per training size (\(input.sizes.count)); got \(s.scores.count)."
                )
            }
            try requireFinite(s.scores.flatMap { $0 } + input.sizes, what: "learning-curve score or size")
            let color = ChartPalette.series(i)
            var band: [ChartDatum] = [], line: [ChartDatum] = []
            for (size, folds) in zip(input.sizes, s.scores) {
                let (m, sd) = meanStd(folds)
                band.append(ChartDatum(x: .number(size), y: .number(m + sd), y2: m - sd, series: s.name))
                line.append(ChartDatum(x: .number(size), y: .number(m), series: s.name, label: ChartFormat.number(m)))
            }
            layers.append(ChartLayer(.area, band, color: color))
            lines.append(ChartLayer(.line, line, name: s.name, color: color))
            lines.append(ChartLayer(.point, line, color: color, strokeWidth: 2))
        }
        return Chart(
            kind: "learning_curve", title: w(.learningCurve),
            x: .linear(w(.trainingRows)),
            y: .linear(input.metric), layers: layers + lines)
    }

    /// MLCore's learning curve as a chart: train and validation series, fold scores per size.
    public static func learningCurve(_ result: LearningCurveResult, language: Language = .en) throws(MLError)
        -> Chart
    {
        let w = ChartWords(language)
        return try learningCurve(
            LearningCurveInput(
                metric: result.metric, sizes: result.points.map { Double($0.trainRows) },
                series: [
                    .init(
                        name: w(.train),
                        scores: result.points.map { $0.trainScores.isEmpty ? [$0.trainMean] : $0.trainScores }),
                    .init(
                        name: "validation",
                        scores: result.points.map { $0.validScores.isEmpty ? [$0.validMean] : $0.validScores }),
                ]), language: language)
    }

    /// One row per run: the metric's value as a dot, its confidence interval as a bar with caps,
    /// and the reference run's value as a dashed line.
    public static func runComparison(_ input: RunComparisonInput, language: Language = .en) throws(MLError)
        -> Chart
    {
        let w = ChartWords(language)
        guard !input.runs.isEmpty else {
            throw MLError(.invalidInput, "No runs to compare: pass at least one run with its metric.")
        }
        try requireFinite(input.runs.flatMap { [$0.value, $0.low ?? 0, $0.high ?? 0] }, what: "\(input.metric) value")
        let labels = input.runs.map(\.label)
        guard Set(labels).count == labels.count else {
            throw MLError(
                .invalidInput,
                "Run labels must be unique to be told apart; got \(labels). Add the run id to each label.")
        }
        let points = input.runs.map {
            ChartDatum(x: .number($0.value), y: .category($0.label), label: ChartFormat.number($0.value))
        }
        let bars = input.runs.compactMap { r -> ChartDatum? in
            guard let lo = r.low, let hi = r.high else { return nil }
            return ChartDatum(x: .number(lo), y: .category(r.label), x2: hi)
        }
        var layers: [ChartLayer] = []
        if let ref = input.reference, let run = input.runs.first(where: { $0.label == ref }) {
            // A rule on a band axis spans the whole axis: a vertical line at the reference value.
            layers.append(
                ChartLayer(
                    .rule, [ChartDatum(x: .number(run.value), y: .category(ref))],
                    name: w(.reference(ref)), color: ChartPalette.grey, strokeWidth: 1))
        }
        if !bars.isEmpty {
            layers.append(ChartLayer(.errorBar, bars, name: input.interval, color: "#333333", strokeWidth: 1.5))
        }
        layers.append(ChartLayer(.point, points, name: input.metric, color: ChartPalette.blue, strokeWidth: 4))
        return Chart(
            kind: "run_comparison",
            title: w(.comparisonOfRuns(input.metric)),
            x: .linear("\(input.metric) (\(input.interval))"), y: .band("run", categories: labels),
            layers: layers, height: max(200, 80 + 30 * labels.count))
    }
}

/// Mean and sample standard deviation (0 for a single value).
func meanStd(_ xs: [Double]) -> (Double, Double) {
    let n = Double(xs.count)
    guard n > 0 else { return (0, 0) }
    let m = xs.reduce(0, +) / n
    guard n > 1 else { return (m, 0) }
    return (m, (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot())
}
