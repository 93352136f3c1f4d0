// Clustering without a target (ClusteringRunner) on wine with its class column held out as the
// reference, against scikit-learn: StandardScaler + KMeans(k, n_init=10) from
// scripts/fixtures/clustering.py (Tests/MLCoreTests/Fixtures/models/wine_clustering.json). k = 3
// reaches scikit-learn's partition (ARI 0.897, silhouette 0.285, inertia 1277.93); every k ends within
// 1 % of its inertia. Also: the reference is never a feature, the features are standardised, and a
// family that needs a target, or a reference that is not a label column, is refused with the fix.

import Foundation
import Testing

@testable import MLCore

@Suite struct ClusteringExperimentTests {
    struct Fixture: Decodable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        struct Case: Decodable { var k: Int, inertia: Double, silhouette: Double, adjusted_rand: Double, sizes: [Int] }
        var reference: String, rows: Int, cases: [Case]
    }

    static func wine() throws -> Dataset { try Dataset.load(path: TestData.shipped("wine.csv")) }

    static func spec(k: Int, reference: String? = "target") throws -> ClusteringSpec {
        ClusteringSpec(
            parameters: try ModelFamily.kmeans.parse(["n_clusters": String(k), "n_init": "10"]), seed: 0,
            reference: reference)
    }

    @Test func scaledKMeansOnWineMatchesScikitLearn() throws {
        let f: Fixture = try ModelFixtures.load("wine_clustering.json")
        let wine = try Self.wine()
        for c in f.cases {
            let r = try ClusteringRunner.run(dataset: wine, spec: Self.spec(k: c.k, reference: f.reference))
            let inertia = try #require(r.metrics["inertia"])
            #expect(inertia <= c.inertia * 1.01, "k=\(c.k): inertia \(inertia) vs scikit-learn \(c.inertia)")
            #expect(r.rows == f.rows && r.referenceRows == f.rows && r.silhouetteRows == f.rows)
            guard c.k == 3 else { continue }
            #expect(abs(inertia - c.inertia) <= 1e-6 * c.inertia, "k=3 inertia \(inertia) vs \(c.inertia)")
            #expect(abs((r.metrics["silhouette"] ?? 0) - c.silhouette) <= 1e-9)
            #expect(abs((r.metrics["adjusted_rand"] ?? 0) - c.adjusted_rand) <= 1e-9)
            #expect(r.sizes.sorted() == c.sizes)
        }
    }

    @Test func theReferenceIsNeverAFeatureAndFeaturesAreStandardised() throws {
        let r = try ClusteringRunner.run(dataset: try Self.wine(), spec: Self.spec(k: 3))
        #expect(!r.columns.contains("target") && r.columns.count == 13 && r.features == 13)
        #expect(r.excluded == ["target"])
        #expect(r.reference?.classNames == ["0", "1", "2"])
        for step in r.pipeline.steps {
            guard case .numeric(let column, _, _, let scale, _) = step else {
                Issue.record("\(step) is not numeric"); continue
            }
            #expect(scale != 1, "\(column) is not scaled")
        }
        // The stored model has no target and assigns the same clusters to the same rows.
        let trained = try TrainedModel.load(try r.trained.saved())
        #expect(trained.target.isNone)
        #expect(try trained.predict(try Self.wine()) == .clusters(r.labels))
        // Without a reference, every column is a feature and no adjusted_rand is reported.
        let all = try ClusteringRunner.run(dataset: try Self.wine(), spec: Self.spec(k: 3, reference: nil))
        #expect(
            all.columns.contains("target") && all.metrics["adjusted_rand"] == nil && all.metrics["silhouette"] != nil)
    }

    @Test func mistakesAreRefusedWithTheFix() throws {
        let wine = try Self.wine()
        #expect(throws: MLError.self) {
            try ClusteringRunner.run(dataset: wine, spec: ClusteringSpec(family: try .named("gbdt")))
        }
        do {
            _ = try ClusteringRunner.run(dataset: wine, spec: ClusteringSpec(family: try .named("gbdt")))
        } catch { #expect(error.message.contains("only kmeans")) }
        do {
            _ = try ClusteringRunner.run(dataset: wine, spec: ClusteringSpec(reference: "proline"))
            Issue.record("a numeric reference with many values was accepted")
        } catch { #expect(error.message.contains("label column")) }
        do {
            _ = try ClusteringRunner.run(dataset: wine, spec: ClusteringSpec(reference: "targte"))
            Issue.record("an unknown reference was accepted")
        } catch { #expect(error.message.contains("target")) }
        do {
            _ = try ClusteringRunner.run(
                dataset: wine, spec: ClusteringSpec(parameters: try ModelFamily.kmeans.parse(["n_clusters": "500"])))
            Issue.record("more clusters than rows were accepted")
        } catch { #expect(error.message.contains("nClusters")) }
    }

    @Test func silhouetteOfALargeSetUsesASeededSample() {
        #expect(ClusteringRunner.sample(100, seed: 1) == Array(0..<100))
        let s = ClusteringRunner.sample(12_000, seed: 1)
        #expect(s.count == ClusteringRunner.silhouetteSample && s == s.sorted() && Set(s).count == s.count)
        #expect(s == ClusteringRunner.sample(12_000, seed: 1) && s != ClusteringRunner.sample(12_000, seed: 2))
        #expect(ClusteringRunner.compacted([4, 4, 1, 7, 1]) == [0, 0, 1, 2, 1])
    }
}
