// k-means with a seed against scikit-learn with the same random_state (fixture: scripts/fixtures/
// kmeans_seeded.py): NumPyRandomState must give NumPy's RandomState draws, and a fit must start from
// scikit-learn's k-means++ centres, so labels, iterations, centres and inertia come out the same, with one
// init and with three restarts drawn from one stream.

import Foundation
import Testing

@testable import MLCore

@Suite struct KMeansSeedParityTests {
    struct Draws: Decodable { var seed: UInt64, first: [Double], at700: Double }
    struct Run: Decodable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var seed: UInt64, n_init: Int, labels: [Int], centers: [[Double]], inertia: Double, iterations: Int
    }
    struct Fixture: Decodable { var numpy: [Draws], x: [[Double]], runs: [Run] }

    @Test func numPyRandomStateDrawsWhatNumPyDraws() throws {
        let f: Fixture = try ModelFixtures.load("kmeans_seeded.json")
        for d in f.numpy {
            var g = NumPyRandomState(seed: d.seed)
            let draws = (0..<700).map { _ in g.nextUnit() }
            #expect(Array(draws.prefix(5)) == d.first, "seed \(d.seed)")
            #expect(draws[699] == d.at700, "seed \(d.seed)")
        }
    }

    @Test func aSeedGivesScikitLearnsClustering() throws {
        let f: Fixture = try ModelFixtures.load("kmeans_seeded.json")
        let x = FeatureMatrix(columns: f.x)
        for run in f.runs {
            var p = KMeansParameters()
            p.nClusters = 4
            p.nInit = run.n_init
            p.seed = run.seed
            let m = try KMeans(p).fit(TrainingSet(x: x, y: .none(rows: x.rows)))
            #expect(m.trainingLabels == run.labels, "seed \(run.seed)")
            #expect(m.iterations == run.iterations, "seed \(run.seed)")
            for (a, b) in zip(m.centers, run.centers.flatMap { $0 }) { #expect(abs(a - b) <= 1e-9, "seed \(run.seed)") }
            #expect(abs(m.inertia - run.inertia) <= 1e-9 * run.inertia, "seed \(run.seed)")
        }
    }
}
