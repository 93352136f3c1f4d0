// Target and frequency encoding of high-cardinality categorical columns. The encodings of new rows match
// scikit-learn's TargetEncoder, smooth="auto" (mlexp's default) and smooth=10, fitted on the same training rows, for a regression, a binary and
// a three-class target (Fixtures/data/target_encoding.json, written by scripts/fixtures/target_encoding.py
// with scikit-learn), and pandas' level shares; the model is fitted on cross-fitted encodings, so no
// training row's encoding depends on its own target, and a validation fold's targets never reach its
// features: on a column that identifies pairs of rows sharing a random outcome, cross-validation scores
// chance, not the leak.
import Foundation
import Testing

@testable import MLCore

@Suite struct LevelEncodingTests {
    struct Fixture: Decodable {
        struct Target: Decodable {
            let y: [YValue]
            let testEncoded: [[Double]]
            let testEncodedAuto: [[Double]]
            enum CodingKeys: String, CodingKey {
                case y
                case testEncoded = "test_encoded"
                case testEncodedAuto = "test_encoded_auto"
            }
        }
        enum YValue: Decodable {
            case number(Double)
            case label(String)
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let d = try? c.decode(Double.self) {
                    self = .number(d)
                } else {
                    self = .label(try c.decode(String.self))
                }
            }
        }
        let train: [String?]
        let test: [String?]
        let targets: [String: Target]
        let frequencyTest: [Double]
        enum CodingKeys: String, CodingKey {
            case train, test, targets
            case frequencyTest = "frequency_test"
        }
    }

    static func fixture() throws -> Fixture {
        let url = TestData.repoRoot.appendingPathComponent("Tests/MLCoreTests/Fixtures/data/target_encoding.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The training rows then the new rows, as one column.
    static func column(_ f: Fixture) -> Column { Column(name: "city", categories: f.train + f.test) }

    static func target(_ t: Fixture.Target) -> TargetValues {
        let labels = t.y.compactMap { if case .label(let s) = $0 { s } else { nil } }
        if labels.isEmpty { return .values(t.y.compactMap { if case .number(let d) = $0 { d } else { nil } }) }
        let names = Array(Set(labels)).sorted()
        return .classes(labels: labels.map { names.firstIndex(of: $0) ?? 0 }, classNames: names)
    }

    @Test(arguments: ["regression", "binary", "multiclass"], [nil, 10.0])
    func newRowsAreEncodedAsScikitLearnsTargetEncoder(kind: String, smoothing: Double?) throws {
        let f = try Self.fixture()
        let t = try #require(f.targets[kind])
        let column = Self.column(f)
        let train = Array(0..<f.train.count), test = Array(f.train.count..<(f.train.count + f.test.count))
        let encoding = try LevelEncoding.target(column, rows: train, target: Self.target(t), smoothing: smoothing)
        var out: [Double] = []
        encoding.apply(column, rows: test, into: &out)
        let reference = smoothing == nil ? t.testEncodedAuto : t.testEncoded
        let width = reference[0].count
        #expect(encoding.width == width)
        for (i, expected) in reference.enumerated() {
            for k in 0..<width {
                #expect(
                    abs(out[k * test.count + i] - expected[k]) < 1e-9,
                    "row \(i) (\(f.test[i] ?? "missing")), output \(k)")
            }
        }
    }

    @Test func frequencyIsTheShareOfTrainingRows() throws {
        let f = try Self.fixture()
        let column = Self.column(f)
        let train = Array(0..<f.train.count), test = Array(f.train.count..<(f.train.count + f.test.count))
        var out: [Double] = []
        LevelEncoding.frequency(column, rows: train).apply(column, rows: test, into: &out)
        for (got, expected) in zip(out, f.frequencyTest) { #expect(abs(got - expected) < 1e-12) }
    }

    @Test func aTrainingRowsCrossFittedEncodingNeverReadsItsOwnTarget() throws {
        let f = try Self.fixture()
        let column = Self.column(f)
        let train = Array(0..<f.train.count)
        guard case .values(var y) = Self.target(try #require(f.targets["regression"])) else {
            Issue.record("a regression target")
            return
        }
        let before = try LevelEncoding.crossFitted(column, rows: train, target: .values(y), seed: 7)
        // Changing row 17's target changes the encodings of other rows at its level, never its own.
        y[17] += 1_000
        let after = try LevelEncoding.crossFitted(column, rows: train, target: .values(y), seed: 7)
        #expect(before[17] == after[17])
        let sameLevel = train.filter { $0 != 17 && f.train[$0] == f.train[17] }
        #expect(sameLevel.contains { before[$0] != after[$0] }, "the other folds do read it")
        // The plain (not cross-fitted) encoding would have moved row 17's own value.
        let plain = try LevelEncoding.target(column, rows: train, target: .values(y))
        var moved: [Double] = []
        plain.apply(column, rows: [17], into: &moved)
        #expect(moved[0] != before[17])
    }

    @Test func validationFoldsNeverSeeTheirTargets() throws {
        // 1,000 rows, two per level of `id`, each with its own random outcome: nothing to learn. An
        // encoding that read a validation row's own target (half of its level's mean, before shrinkage)
        // would rank the rows far above chance; fitted inside each training fold, it scores chance.
        var rng = SeededGenerator(seed: 11)
        var id: [String?] = [], noise: [Double] = [], y: [String?] = []
        for p in 0..<1_000 {
            id.append("p\(p / 2)")
            noise.append(Double.random(in: 0..<1, using: &rng))
            y.append(Bool.random(using: &rng) ? "yes" : "no")
        }
        let data = try Dataset(columns: [
            Column(name: "id", categories: id), Column(name: "noise", numbers: noise), Column(name: "y", categories: y),
        ])
        for model in ["logistic", "gbdt"] {
            let spec = ExperimentSpec(
                target: "y", family: try .named(model), validation: .crossValidation(folds: 5), seed: 3,
                categoricalEncoding: .target)
            let result = try ExperimentRunner.run(dataset: data, spec: spec)
            let auc = try #require(result.metrics["roc_auc"])
            #expect(auc < 0.58, "\(model): AUC \(auc)")
            #expect(result.pipeline.steps.contains { if case .encoded = $0 { true } else { false } })
        }
        // The reference: the same encoding learnt on every row, validation rows included, leaks.
        let column = try data.column(named: "id")
        let labels = y.map { $0 == "yes" ? 1 : 0 }
        let leaked = try LevelEncoding.target(
            column, rows: Array(0..<1_000), target: .classes(labels: labels, classNames: ["no", "yes"]))
        var scores: [Double] = []
        leaked.apply(column, rows: Array(0..<1_000), into: &scores)
        let leakedAUC = try Metrics.score(
            "roc_auc", target: .classes(labels: labels, classNames: ["no", "yes"]),
            prediction: .classes(
                labels: scores.map { $0 > 0.5 ? 1 : 0 }, probabilities: scores.flatMap { [1 - $0, $0] }, classCount: 2))
        #expect(leakedAUC > 0.7, "the test can fail: a leaking encoding scores \(leakedAUC)")
    }

    @Test func aFewLevelsKeepTheFamilysEncoding() throws {
        let data = try Dataset(columns: [
            Column(name: "colour", categories: (0..<60).map { ["red", "green", "blue"][$0 % 3] }),
            Column(name: "y", numbers: (0..<60).map { Double($0 % 3) }),
        ])
        let spec = ExperimentSpec(
            target: "y", family: try .named("ridge"), validation: .crossValidation(folds: 3),
            categoricalEncoding: .target)
        let result = try ExperimentRunner.run(dataset: data, spec: spec)
        #expect(result.pipeline.steps.contains { if case .oneHot = $0 { true } else { false } })
    }
}
