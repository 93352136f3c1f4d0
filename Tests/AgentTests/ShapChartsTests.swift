// explain_model's SHAP summary of tree models (ShapCharts): a depth-1 regression tree on x0 gives
// SHAP values that are hand-checkable (leaf value − mean prediction for x0, 0 for the unused x1),
// and a model that is not a tree ensemble draws nothing.
import Foundation
import MLCore
import Testing
import Tracking

@testable import Agent

@Suite struct ShapChartsTests {
    /// A regression tree of `depth` on columns x0 and x1, fitted to y = 10 when x0 > 0.5 else 0.
    static func tree(_ x0: [Double], _ x1: [Double], depth: Int) throws -> (AnyFittedModel, FeatureMatrix) {
        let x = FeatureMatrix(columns: [x0, x1], names: ["x0", "x1"])
        var p = DecisionTreeParameters()
        p.maxDepth = depth
        let fitted = try DecisionTree(p).fit(TrainingSet(x: x, y: .values(x0.map { $0 > 0.5 ? 10 : 0 })))
        return (AnyFittedModel(family: "tree", model: fitted), x)
    }

    @Test func treeModelGivesABeeswarmWithTheRightValues() throws {
        // A stump splits on x0; mean prediction 5.
        let (model, x) = try Self.tree([0, 0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 1.0], [3, 1, 4, 1, 5, 9, 2, 6], depth: 1)
        let chart = try #require(ShapCharts.chart(model: model, valid: x, output: "predicted y"))
        #expect(chart.kind == "shap_summary")
        #expect(chart.y.categories == ["x0", "x1"])
        let points = chart.layers.flatMap(\.data)
        let shapX0 = points.filter { $0.y == .category("x0") }.compactMap(\.x.number)
        #expect(shapX0 == [-5, -5, -5, -5, 5, 5, 5, 5])
        #expect(points.filter { $0.y == .category("x1") }.allSatisfy { $0.x.number == 0 })
        // Coloured by feature value: the lowest x0 is 0, the highest 1.
        #expect(points.first?.color == 0 && points.filter { $0.y == .category("x0") }.last?.color == 1)
    }

    @Test func aLargeTableDrawsAtMost120DotsPerFeature() throws {
        // Its notebook stays small whatever the rows: the beeswarm samples them, and says nothing else differently.
        let (model, x) = try Self.tree(
            (0..<1_000).map { Double($0 % 10) / 10 }, (0..<1_000).map { Double($0 % 7) }, depth: 2)
        let chart = try #require(ShapCharts.chart(model: model, valid: x, output: "predicted y"))
        let points = chart.layers.flatMap(\.data)
        #expect(points.filter { $0.y == .category("x0") }.count == 120)
        #expect(points.count == 240)
    }

    @Test func nonTreeModelDrawsNothing() throws {
        let x = FeatureMatrix(columns: [[0, 1, 2, 3]], names: ["x0"])
        let model = try ModelRegistry.make("linear").fit(TrainingSet(x: x, y: .values([1, 3, 5, 7])))
        #expect(ShapCharts.chart(model: model, valid: x, output: "y") == nil)
        let ws = try TempWorkspace.make()
        defer { try? FileManager.default.removeItem(at: ws) }
        #expect(!ShapCharts.save(runID: "r0001", model: model, valid: x, workspace: ws, output: "y"))
    }
}
