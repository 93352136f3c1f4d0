public import Languages
// Charts of model interpretation: feature importance (bars with error bars), SHAP summary
// (beeswarm coloured by the feature's value) and partial dependence (average line over ICE curves).
// Leaves out: computing importances or SHAP values (MLCore/Explain does; these only draw them).
public import MLCore

extension Chart {
    /// Horizontal bars of mean importance, largest at the top, with ± one standard deviation.
    public static func featureImportance(_ input: FeatureImportanceInput, language: Language = .en)
        throws(MLError) -> Chart
    {
        let w = ChartWords(language)
        guard !input.features.isEmpty else {
            throw MLError(.invalidInput, "No features to chart: pass at least one feature with its importance.")
        }
        try requireFinite(input.features.map(\.mean) + input.features.compactMap(\.std), what: "importance")
        let features = input.features.sorted { $0.mean > $1.mean }.prefix(max(1, input.top))
        let names = features.map(\.name)
        let bars = features.map {
            ChartDatum(x: .number($0.mean), y: .category($0.name), label: ChartFormat.number($0.mean))
        }
        let errors = features.compactMap { f in
            f.std.map { ChartDatum(x: .number(f.mean - $0), y: .category(f.name), x2: f.mean + $0) }
        }
        var layers = [ChartLayer(.bar, bars, color: ChartPalette.blue)]
        if !errors.isEmpty {
            layers.append(
                ChartLayer(
                    .errorBar, errors, name: w(.stdOverRepeats),
                    color: "#333333", strokeWidth: 1.5))
        }
        return Chart(
            kind: "feature_importance", title: w(.featureImportance),
            x: .linear(input.measure, includesZero: true), y: .band(w(.feature), categories: names),
            layers: layers, height: max(220, 70 + 24 * names.count))
    }

    /// A beeswarm per feature (most influential at the top): one dot per row at its SHAP value,
    /// coloured from low (blue) to high (red) feature value.
    public static func shapSummary(_ input: ShapSummaryInput, language: Language = .en) throws(MLError) -> Chart {
        let w = ChartWords(language)
        guard !input.features.isEmpty, input.features.contains(where: { !$0.shapValues.isEmpty }) else {
            throw MLError(
                .invalidInput, "No SHAP values to chart: pass each feature's SHAP values over a sample of rows.")
        }
        for f in input.features {
            if let fv = f.featureValues, fv.count != f.shapValues.count {
                throw MLError(
                    .shapeMismatch,
                    "Feature '\(f.name)' has \(f.shapValues.count) SHAP values but \(fv.count) feature values; give one feature value per row."
                )
            }
            try requireFinite(f.shapValues, what: "SHAP value of '\(f.name)'")
        }
        let meanAbs: (ShapSummaryInput.Feature) -> Double = { f in
            f.shapValues.isEmpty ? 0 : f.shapValues.reduce(0) { $0 + abs($1) } / Double(f.shapValues.count)
        }
        let ranked = input.features.sorted { meanAbs($0) > meanAbs($1) }.prefix(max(1, input.top))
        var points: [ChartDatum] = []
        for f in ranked {
            let rows = strided(f.shapValues.count, max: input.maxPoints)
            let values = f.featureValues.map { fv in rows.map { fv[$0] } }
            let finite = (values ?? []).compactMap { $0 }.filter(\.isFinite)
            let lo = finite.min() ?? 0, hi = finite.max() ?? 0
            let shaps = rows.map { f.shapValues[$0] }
            let offsets = swarmOffsets(shaps)
            // Colour and offset to a thousandth: finer than a colour ramp's 256 steps and a band's pixels,
            // and a few bytes a dot fewer in the notebook.
            let milli = { (v: Double) in (v * 1000).rounded() / 1000 }
            for (k, s) in shaps.enumerated() {
                let color: Double? = values?[k].flatMap { v in hi > lo ? milli((v - lo) / (hi - lo)) : 0.5 }
                points.append(
                    ChartDatum(x: .number(s), y: .category(f.name), color: color, offset: milli(offsets[k])))
            }
        }
        let ramp = ChartRamp(
            title: w(.featureValue), low: "#3b6fb6", high: "#d1495b",
            lowLabel: w(.low), highLabel: w(.high))
        return Chart(
            kind: "shap_summary", title: w(.shapSummary),
            x: .linear(
                w(.shapValue(output: input.output)),
                includesZero: true),
            y: .band(w(.feature), categories: ranked.map(\.name)),
            layers: [ChartLayer(.point, points, ramp: ramp, opacity: 0.8, strokeWidth: 1)],
            height: max(240, 80 + 34 * ranked.count))
    }

    /// The average prediction along a feature's grid (thick), over individual rows' curves (thin, grey).
    public static func partialDependence(_ input: PartialDependenceInput, language: Language = .en)
        throws(MLError) -> Chart
    {
        let w = ChartWords(language)
        guard !input.grid.isEmpty, input.average.count == input.grid.count else {
            throw MLError(
                .shapeMismatch,
                "Partial dependence of '\(input.feature)' needs one average per grid value: got \(input.grid.count) grid values and \(input.average.count) averages."
            )
        }
        if let bad = input.individual.firstIndex(where: { $0.count != input.grid.count }) {
            throw MLError(
                .shapeMismatch,
                "ICE curve \(bad) of '\(input.feature)' has \(input.individual[bad].count) values; each curve needs one per grid value (\(input.grid.count))."
            )
        }
        try requireFinite(input.grid + input.average, what: "partial dependence value")
        var layers: [ChartLayer] = []
        let curves = strided(input.individual.count, max: input.maxCurves)
        if !curves.isEmpty {
            var ice: [ChartDatum] = []
            for c in curves {
                for (g, v) in zip(input.grid, input.individual[c]) where v.isFinite {
                    ice.append(ChartDatum(x: .number(g), y: .number(v), series: "row \(c)"))
                }
            }
            layers.append(
                ChartLayer(
                    .line, ice, name: w(.individualRows), color: "#b0b0b0",
                    opacity: 0.5, strokeWidth: 1))
        }
        let avg = zip(input.grid, input.average).map { ChartDatum(x: .number($0), y: .number($1), series: "average") }
        layers.append(
            ChartLayer(
                .line, avg, name: w(.partialDependence), color: ChartPalette.orange,
                strokeWidth: 3))
        return Chart(
            kind: "partial_dependence",
            title: w(.partialDependenceOn(input.feature)),
            x: .linear(input.feature), y: .linear(input.output), layers: layers)
    }
}

/// Throws when a value is NaN or infinite, naming what it was.
func requireFinite(_ values: [Double], what: String) throws(MLError) {
    if let bad = values.first(where: { !$0.isFinite }) {
        throw MLError(
            .invalidInput, "A \(what) is \(bad); charts need finite numbers. Drop or impute the missing values first.")
    }
}

/// At most `max` indices spread evenly over 0..<count (all of them when count <= max).
func strided(_ count: Int, max: Int) -> [Int] {
    guard count > 0, max > 0 else { return [] }
    if count <= max { return Array(0..<count) }
    return (0..<max).map { $0 * count / max }
}

/// Vertical positions (in -0.5...0.5 of a band) that spread dots sharing an x-bin, nearest the
/// centre first, alternating above and below: a deterministic beeswarm.
func swarmOffsets(_ xs: [Double], bins: Int = 60) -> [Double] {
    guard let lo = xs.min(), let hi = xs.max(), hi > lo else {
        return xs.indices.map { i in Double((i + 1) / 2) * (i % 2 == 0 ? 1 : -1) * 0.02 }.map {
            min(max($0, -0.45), 0.45)
        }
    }
    var filled = [Int](repeating: 0, count: bins)
    return xs.map { x in
        let b = min(bins - 1, Int((x - lo) / (hi - lo) * Double(bins)))
        let k = filled[b]
        filled[b] += 1
        let step = Double((k + 1) / 2) * 0.03 * (k % 2 == 0 ? 1 : -1)
        return min(max(step, -0.45), 0.45)
    }
}
