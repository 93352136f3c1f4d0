// Fitting a pipeline on a large table takes shortcuts (columns side by side, categorical levels counted by
// code, the median only where it fills gaps); each must learn exactly what the plain way learns.
import Testing

@testable import MLCore

@Suite struct PipelineFitShortcutTests {
    /// 60,000 rows (above Pipeline.parallelRows): two numeric columns with gaps, one categorical.
    private func table() throws -> Dataset {
        var g = SeededGenerator(seed: 11)
        let n = 60_000
        let a = (0..<n).map { _ in g.nextInt(below: 10) == 0 ? Double.nan : Double(g.nextInt(below: 1_000)) / 7 }
        let b = (0..<n).map { _ in Double(g.nextInt(below: 50)) - 25 }
        let levels = ["north", "south", "east", "west", "centre"]
        let c = (0..<n).map { _ -> String? in
            let k = g.nextInt(below: 13)
            return k < levels.count ? levels[k] : (k == 12 ? nil : "east")
        }
        let y = (0..<n).map { i in Double((i * 7) % 3 == 0 ? 1 : 0) }
        return try Dataset(columns: [
            Column(name: "a", numbers: a), Column(name: "b", numbers: b), Column(name: "c", categories: c),
            Column(name: "y", numbers: y),
        ])
    }

    @Test(arguments: PreprocessingPreset.allCases)
    func theParallelFitEqualsColumnByColumn(preset: PreprocessingPreset) throws {
        let d = try table()
        let pipeline = try Pipeline(dataset: d, target: "y", preset: preset)
        let rows = Array(stride(from: 0, to: d.rowCount, by: 2))
        let fitted = try pipeline.fit(d, rows: rows)
        let one = try pipeline.columns.map { try pipeline.step($0, dataset: d, rows: rows, target: nil) }
        #expect(fitted.steps == one)
    }

    @Test func levelsCountedByCodeEqualLevelsCountedByText() throws {
        let d = try table()
        guard case .categorical(let codes, let levels) = try d.column(named: "c").data else {
            Issue.record("c should be categorical")
            return
        }
        let asText = Column(name: "c", text: codes.map { $0 < 0 ? nil : levels[Int($0)] })
        let rows = Array(0..<d.rowCount)
        var options = PreprocessingPreset.linear.options
        options.maxLevels = 3  // the rarer levels are pooled: the ranking must be the same too
        let pipeline = Pipeline(columns: [ColumnPlan(name: "c", treatment: .categorical)], options: options)
        let byCode = try pipeline.categoricalStep(name: "c", column: d.column(named: "c"), rows: rows, target: nil)
        let byText = try pipeline.categoricalStep(name: "c", column: asText, rows: rows, target: nil)
        #expect(byCode == byText)
        guard case .oneHot(_, let kept, let other, let missing) = byCode else {
            Issue.record("the linear preset one-hot encodes")
            return
        }
        #expect(kept.count == 3 && kept.contains("east"))
        #expect(other && missing)
    }
}
