public import Languages
// Charts of model evaluation: confusion matrix (heatmap), ROC and precision-recall curves,
// calibration curve, residuals against predictions. Leaves out: computing the curves (MLCore/Metrics).
public import MLCore

extension Chart {
    /// A heatmap of actual (rows) against predicted (columns) classes, each cell labelled.
    public static func confusionMatrix(_ input: ConfusionMatrixInput, language: Language = .en) throws(MLError)
        -> Chart
    {
        let w = ChartWords(language)
        let n = input.labels.count
        guard n > 0, input.counts.count == n, input.counts.allSatisfy({ $0.count == n }) else {
            throw MLError(
                .shapeMismatch,
                "A confusion matrix of \(n) classes needs \(n) rows of \(n) counts (counts[actual][predicted]); got \(input.counts.map(\.count))."
            )
        }
        guard input.counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            throw MLError(.invalidInput, "Confusion matrix counts must be zero or more.")
        }
        let maxCount = Double(input.counts.flatMap { $0 }.max() ?? 0)
        var cells: [ChartDatum] = []
        for (a, row) in input.counts.enumerated() {
            let total = Double(row.reduce(0, +))
            for (p, count) in row.enumerated() {
                let share = total > 0 ? Double(count) / total : 0
                let shade = input.normalize ? share : (maxCount > 0 ? Double(count) / maxCount : 0)
                let label = input.normalize ? ChartFormat.number((share * 1000).rounded() / 10) + "%" : String(count)
                cells.append(
                    ChartDatum(x: .category(input.labels[p]), y: .category(input.labels[a]), color: shade, label: label)
                )
            }
        }
        let ramp = ChartRamp(
            title: input.normalize ? w(.shareOfActual) : w(.rowCount), low: "#f4f8fb",
            high: "#1f4e79",
            lowLabel: "0", highLabel: input.normalize ? "100%" : String(Int(maxCount)))
        let size = max(260, 110 + 46 * n)
        return Chart(
            kind: "confusion_matrix", title: w(.confusionMatrix),
            x: .band(w(.predicted), categories: input.labels),
            y: .band(w(.actual), categories: input.labels),
            layers: [ChartLayer(.rect, cells, ramp: ramp), ChartLayer(.text, cells)],
            width: size + 200, height: size)
    }

    /// ROC curves (false positive rate against true positive rate) with the chance diagonal.
    public static func roc(_ curves: [CurveInput], language: Language = .en) throws(MLError) -> Chart {
        let w = ChartWords(language)
        let layers = try curveLayers(curves, scoreName: "AUC")
        let chance = ChartLayer(
            .rule, [ChartDatum(x: .number(0), y: .number(0), x2: 1, y2: 1)], name: w(.chance),
            color: ChartPalette.grey, strokeWidth: 1)
        return Chart(
            kind: "roc_curve", title: w(.rocCurve),
            x: .linear(w(.falsePositiveRate), domain: 0...1),
            y: .linear(w(.truePositiveRate), domain: 0...1), layers: [chance] + layers)
    }

    /// Precision-recall curves, with the precision of a random classifier (the prevalence) when given.
    public static func precisionRecall(
        _ curves: [CurveInput], prevalence: Double? = nil, language: Language = .en
    ) throws(MLError) -> Chart {
        let w = ChartWords(language)
        var layers = try curveLayers(curves, scoreName: "AP")
        if let p = prevalence, p.isFinite {
            layers.insert(
                ChartLayer(
                    .rule, [ChartDatum(x: .number(0), y: .number(p), x2: 1, y2: p)],
                    name: w(.chancePrevalence(ChartFormat.number(p))),
                    color: ChartPalette.grey,
                    strokeWidth: 1), at: 0)
        }
        return Chart(
            kind: "precision_recall_curve", title: w(.precisionRecallCurve),
            x: .linear(w(.recall), domain: 0...1),
            y: .linear(w(.precision), domain: 0...1), layers: layers)
    }

    /// Observed frequency of the positive class against the mean predicted probability, per bin.
    public static func calibration(_ curves: [CurveInput], language: Language = .en) throws(MLError) -> Chart {
        let w = ChartWords(language)
        let lines = try curveLayers(curves, scoreName: "Brier")
        var layers = [
            ChartLayer(
                .rule, [ChartDatum(x: .number(0), y: .number(0), x2: 1, y2: 1)],
                name: w(.perfectlyCalibrated), color: ChartPalette.grey, strokeWidth: 1)
        ]
        for l in lines {
            layers.append(l)
            layers.append(ChartLayer(.point, l.data, color: l.color, strokeWidth: 2.5))
        }
        return Chart(
            kind: "calibration_curve", title: w(.calibrationCurve),
            x: .linear(w(.meanPredictedProbability), domain: 0...1),
            y: .linear(w(.fractionOfPositives), domain: 0...1), layers: layers)
    }

    /// Residuals (actual − predicted) against predictions, with the zero line.
    public static func residuals(_ input: ResidualsInput, language: Language = .en) throws(MLError) -> Chart {
        let w = ChartWords(language)
        guard !input.predicted.isEmpty, input.predicted.count == input.actual.count else {
            throw MLError(
                .shapeMismatch,
                "Residuals need one actual value per prediction: got \(input.predicted.count) predictions and \(input.actual.count) actual values."
            )
        }
        try requireFinite(input.predicted + input.actual, what: "prediction or actual value")
        let rows = strided(input.predicted.count, max: input.maxPoints)
        let points = rows.map {
            ChartDatum(x: .number(input.predicted[$0]), y: .number(input.actual[$0] - input.predicted[$0]))
        }
        let lo = input.predicted.min() ?? 0, hi = input.predicted.max() ?? 0
        let zero = ChartLayer(
            .rule, [ChartDatum(x: .number(lo), y: .number(0), x2: hi, y2: 0)], color: "#333333", strokeWidth: 1)
        // A strided sample of at most maxPoints rows, its size stated in the title.
        let n = input.predicted.count
        let sample = rows.count < n ? w(.sample(rows: rows.count, of: n)) : ""
        return Chart(
            kind: "residuals",
            title: w(.residualsAgainstPredictions) + sample,
            x: .linear(w(.predictedTarget(input.target))),
            y: .linear(w(.residual), includesZero: true),
            layers: [ChartLayer(.point, points, color: ChartPalette.blue, opacity: 0.6, strokeWidth: 1.5), zero])
    }

    /// One line layer per curve, named with its score, in the series colours.
    static func curveLayers(_ curves: [CurveInput], scoreName: String) throws(MLError) -> [ChartLayer] {
        guard !curves.isEmpty else { throw MLError(.invalidInput, "No curve to chart: pass at least one curve.") }
        var layers: [ChartLayer] = []
        for (i, c) in curves.enumerated() {
            guard !c.x.isEmpty, c.x.count == c.y.count else {
                throw MLError(
                    .shapeMismatch,
                    "Curve '\(c.name)' has \(c.x.count) x values and \(c.y.count) y values; they must pair up (and not be empty)."
                )
            }
            try requireFinite(c.x + c.y, what: "point of curve '\(c.name)'")
            let name = c.score.map { "\(c.name) (\(scoreName) \(ChartFormat.number($0)))" } ?? c.name
            // At most 500 points per curve, keeping its shape (CurveDecimation): a chart of a million rows stays small.
            let kept = CurveDecimation.decimate(x: c.x, y: c.y, maxPoints: 500).kept
            let data = kept.map { ChartDatum(x: .number(c.x[$0]), y: .number(c.y[$0]), series: c.name) }
            layers.append(ChartLayer(.line, data, name: name, color: ChartPalette.series(i)))
        }
        return layers
    }
}
