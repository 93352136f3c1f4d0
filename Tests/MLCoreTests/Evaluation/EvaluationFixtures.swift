// Loads the fixtures written by scripts/fixtures/evaluation.py (scikit-learn and shap reference values)
// from Tests/MLCoreTests/Fixtures/evaluation/.

import Foundation

enum EvaluationFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/evaluation")

    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// One case of metrics.json.
struct MetricCase: Decodable {
    var name: String
    var kind: String
    var classCount: Int?
    var yTrue: [Double]?
    var yPred: [Double]?
    var probabilities: [Double]?
    var confusion: [Int]?
    var columns: [[Double]]?
    var labels: [Int]?
    var truth: [Int]?
    var centers: [[Double]]?
    var expected: [String: Double]
}

struct MetricFixture: Decodable {
    var source: String
    var cases: [MetricCase]
}
