// TF-IDF matches scikit-learn's TfidfVectorizer on a small corpus. The fixture
// (Fixtures/data/tfidf.json) is written by scripts/fixtures/tfidf.py with scikit-learn.
import Foundation
import Testing

@testable import MLCore

@Suite struct TFIDFTests {
    struct Fixture: Decodable {
        struct Config: Decodable {
            let name: String
            let bigrams: Bool
            // swift-format-ignore: AlwaysUseLowerCamelCase
            let min_df: Int
            // swift-format-ignore: AlwaysUseLowerCamelCase
            let max_features: Int
            // swift-format-ignore: AlwaysUseLowerCamelCase
            let sublinear_tf: Bool
            let vocabulary: [String]
            let idf: [Double]
            let weights: [[Double]]
        }
        let corpus: [String]
        let configs: [Config]
    }

    static func fixture() throws -> Fixture {
        let url = TestData.repoRoot.appendingPathComponent("Tests/MLCoreTests/Fixtures/data/tfidf.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test(arguments: [0, 1, 2])
    func matchesScikitLearn(config index: Int) throws {
        let f = try Self.fixture()
        let c = f.configs[index]
        // The empty document stands for a missing one here, as in the pipeline.
        let docs: [String?] = f.corpus.map { $0.isEmpty ? nil : $0 }
        let model = TFIDFModel(
            documents: docs, minDf: c.min_df, maxFeatures: c.max_features, sublinearTf: c.sublinear_tf,
            bigrams: c.bigrams)
        #expect(model.terms == c.vocabulary, "\(c.name)")
        for (a, b) in zip(model.idf, c.idf) { #expect(abs(a - b) < 1e-12) }
        let rows = model.transform(docs)
        for (r, row) in rows.enumerated() {
            var dense = [Double](repeating: 0, count: model.terms.count)
            for (j, w) in row { dense[j] = w }
            for (a, b) in zip(dense, c.weights[r]) { #expect(abs(a - b) < 1e-12, "\(c.name) row \(r)") }
        }
    }

    @Test func pipelineTextColumnUsesTheSameWeights() throws {
        let f = try Self.fixture()
        let c = f.configs[0]
        let d = try Dataset(columns: [Column(name: "review", text: f.corpus.map { $0.isEmpty ? nil : $0 })])
        var pipeline = try Pipeline(dataset: d, target: nil)
        pipeline.options.tfidfMinDf = c.min_df
        let x = try pipeline.fit(d).transform(d)
        #expect(x.features.map(\.name) == c.vocabulary.map { "review:\($0)" })
        for r in 0..<x.rows { for j in 0..<x.featureCount { #expect(abs(x[r, j] - c.weights[r][j]) < 1e-12) } }
    }
}
