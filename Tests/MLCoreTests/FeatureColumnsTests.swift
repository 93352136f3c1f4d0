// The column view gradient boosting fits on holds exactly the values of the dense matrix the
// pipeline builds (shared numeric columns, transformed ones, row maps, selections of selections),
// and a booster fitted on it is the model fitted on the matrix.
import Foundation
import Testing

@testable import MLCore

@Suite struct FeatureColumnsTests {
    /// Numeric (with NaN, −0, infinities), categorical, boolean and text columns, 40 rows.
    static func mixed() throws -> Dataset {
        var lines = ["x,k,b,t,y"]
        for i in 0..<40 {
            let x = i % 7 == 0 ? "" : i == 5 ? "-0.0" : String(Double(i) * 0.37 - 3)
            let k = ["red", "blue", "green", ""][i % 4]
            lines.append("\(x),\(k),\(i % 3 == 0 ? "true" : "false"),word\(i % 5) other\(i % 2),\(i % 2)")
        }
        return try CSVReader.read(text: lines.joined(separator: "\n") + "\n")
    }

    static func same(_ a: FeatureMatrix, _ b: FeatureMatrix) -> Bool {
        a.rows == b.rows && a.features == b.features
            && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    @Test(arguments: PreprocessingPreset.allCases)
    func columnsHoldTheMatrixValues(preset: PreprocessingPreset) throws {
        let d = try Self.mixed()
        let fitted = try Pipeline(dataset: d, target: "y", preset: preset).fit(d, rows: Array(0..<30))
        for rows in [nil, Array(0..<40), [3, 1, 4, 1, 5, 9, 2, 6, 35, 39]] as [[Int]?] {
            let columns = try fitted.columns(d, rows: rows)
            #expect(Self.same(columns.matrix(), try fitted.transform(d, rows: rows)))
            let pick = [4, 0, 2, 2]
            let dense = try fitted.transform(d, rows: rows).selecting(rows: pick)
            #expect(Self.same(columns.selecting(rows: pick).matrix(), dense))
            #expect(columns.selecting(rows: pick).value(0, row: 1) == dense[1, 0] || dense[1, 0].isNaN)
        }
    }

    @Test func treePresetSharesNumericColumnsInsteadOfCopying() throws {
        let d = try Self.mixed()
        let fitted = try Pipeline(dataset: d, target: "y", preset: .tree).fit(d)
        let columns = try fitted.columns(d)
        let own = try #require(d.columns[0].numbers)
        let shared = columns.withFeature(0) { v, map in (v.baseAddress, map == nil) }
        #expect(shared.1)
        #expect(shared.0 == own.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func matrixViewReadsTheMatrix() {
        let x = FeatureMatrix(columns: [[1, 2, 3], [.nan, 5, 6]])
        let c = FeatureColumns(x)
        #expect(Self.same(c.matrix(), x))
        #expect(c.value(1, row: 2) == 6)
        #expect(Self.same(c.selecting(rows: [2, 0]).selecting(rows: [1]).matrix(), x.selecting(rows: [0])))
        #expect(c.firstValue(ofFeature: 1) { $0 > 4 } == 5)
    }

    @Test(arguments: [false, true])
    func boostingOnColumnsIsTheModelOnTheMatrix(earlyStopping: Bool) throws {
        var lines = ["a,b,c,y"]
        var g = SeededGenerator(seed: 7)
        for i in 0..<600 {
            let a = Double(g.nextInt(below: 1000)) / 100, b = Double(g.nextInt(below: 500)) / 50
            lines.append("\(i % 11 == 0 ? "" : String(a)),\(b),\(["p", "q", "r"][i % 3]),\(a + b > 9 ? "yes" : "no")")
        }
        let d = try CSVReader.read(text: lines.joined(separator: "\n") + "\n")
        let target = try TargetSpec(dataset: d, column: "y")
        let rows = Array(stride(from: 1, to: 600, by: 2)) + [0, 2, 4]
        let fitted = try Pipeline(dataset: d, target: "y", preset: .tree).fit(d, rows: rows)
        var p = GradientBoostingParameters()
        p.maxIter = 15
        p.earlyStopping = earlyStopping
        p.validationFraction = 0.2
        p.nIterNoChange = 3
        let y = try target.values(in: d, rows: rows)
        let onMatrix = try HistGradientBoosting(p).fit(TrainingSet(x: try fitted.transform(d, rows: rows), y: y))
        let onColumns = try HistGradientBoosting(p).fit(columns: try fitted.columns(d, rows: rows), y: y)
        // Categorical splits have a NaN threshold (NaN ≠ NaN), so the trees are compared as printed.
        #expect(String(describing: onColumns.trees) == String(describing: onMatrix.trees))
        #expect(onColumns.trees.count == onMatrix.trees.count && onColumns.trees.count > 0)
        #expect(onColumns.iterations == onMatrix.iterations && onColumns.iterations > 0)
        #expect(onColumns.validationScores == onMatrix.validationScores)
        let all = try fitted.transform(d)
        #expect(try onColumns.predict(all) == onMatrix.predict(all))
    }
}
