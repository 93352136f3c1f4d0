// Preprocessing learns from training rows only, transforms consistently, and round-trips through Codable.
import Foundation
import Testing

@testable import MLCore

@Suite struct PipelineTests {
    @Test func numericImputeIndicatorAndScaleUseTrainingRowsOnly() throws {
        let d = try Dataset(columns: [Column(name: "x", numbers: [1, .nan, 3, 100, 200])])
        let fitted = try Pipeline(dataset: d, target: nil, preset: .linear).fit(d, rows: [0, 1, 2])
        #expect(fitted.features.map(\.name) == ["x", "x_missing"])
        guard case .numeric(_, let fill, let mean, let scale, true) = fitted.steps[0] else {
            Issue.record("expected a numeric step with indicator")
            return
        }
        #expect(fill == 2)
        #expect(mean == 2)
        #expect(abs(scale - (2.0 / 3).squareRoot()) < 1e-12)
        let x = try fitted.transform(d, rows: [1, 3])
        #expect(x[0, 0] == 0)
        #expect(x[0, 1] == 1)
        #expect(abs(x[1, 0] - 98 / scale) < 1e-9)
    }

    @Test func oneHotCapsLevelsWithOtherAndMissing() throws {
        let values: [String?] = ["a", "a", "a", "b", "b", "c", nil, "d"]
        let d = try Dataset(columns: [Column(name: "k", categories: values)])
        var pipeline = try Pipeline(dataset: d, target: nil)
        pipeline.options.maxLevels = 2
        let fitted = try pipeline.fit(d)
        #expect(fitted.features.map(\.name) == ["k=a", "k=b", "k=(other)", "k=(missing)"])
        #expect(fitted.features.allSatisfy { $0.sourceColumn == "k" })
        let x = try fitted.transform(d)
        #expect(
            (0..<8).map { r in (0..<4).map { x[r, $0] } } == [
                [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
                [0, 0, 1, 0],
            ])
    }

    @Test func treePresetGivesNativeCodesAndKeepsNaN() throws {
        let d = try CSVReader.read(text: "c,x,y\nred,1,0\nblue,,1\nred,3,0\ngreen,4,1\n")
        let fitted = try Pipeline(dataset: d, target: "y", preset: .tree).fit(d)
        #expect(fitted.features.map(\.kind) == [.categorical(levels: 3), .numeric])
        let x = try fitted.transform(d)
        #expect([x[0, 0], x[1, 0], x[3, 0]] == [2, 0, 1])
        #expect(x[1, 1].isNaN)
    }

    @Test func newFileWithOtherLevelOrderTransformsTheSame() throws {
        let train = try CSVReader.read(text: "c,y\nred,1\nblue,0\ngreen,1\n")
        let test = try CSVReader.read(text: "c,y\ngreen,1\npurple,0\nred,1\n")
        let fitted = try Pipeline(dataset: train, target: "y").fit(train)
        let x = try fitted.transform(test)
        #expect(fitted.features.map(\.name) == ["c=blue", "c=green", "c=red"])
        #expect((0..<3).map { r in (0..<3).map { x[r, $0] } } == [[0, 1, 0], [0, 0, 0], [0, 0, 1]])
    }

    @Test func foldsNeverSeeEachOthersRows() throws {
        // Each fold's pipeline must equal one fitted on that fold's rows alone, in a dataset holding
        // only those rows: other folds' values (here huge outliers and unique levels) cannot leak in.
        let d = try TestData.load("titanic.csv")
        let spec = try TargetSpec(dataset: d, column: "survived")
        guard case .classes(let labels, _) = try spec.values(in: d) else { return }
        for split in try StratifiedKFold(folds: 5, seed: 0).split(labels: labels) {
            let pipeline = try Pipeline(dataset: d, target: "survived", preset: .linear)
            let inPlace = try pipeline.fit(d, rows: split.train)
            let isolated = try pipeline.fit(d.selecting(rows: split.train))
            #expect(inPlace.steps == isolated.steps)
            #expect(try inPlace.transform(d, rows: split.test) == isolated.transform(d.selecting(rows: split.test)))
            let vocabulary: Set<String> = inPlace.steps.reduce(into: []) { acc, step in
                if case .tfidf(_, let model) = step { acc.formUnion(model.terms) }
            }
            let names = try d.column(named: "name")
            let trainTokens = Set(split.train.compactMap { names.string(at: $0) }.flatMap { TFIDFModel.tokenize($0) })
            #expect(!vocabulary.isEmpty)
            #expect(vocabulary.filter { !$0.contains(" ") }.isSubset(of: trainTokens))
        }
    }

    @Test func trainingSetFromCSVAndCodableRoundTrip() throws {
        let d = try TestData.load("penguins.csv")
        let spec = try TargetSpec(dataset: d, column: "species")
        let fitted = try Pipeline(dataset: d, target: "species").fit(d)
        let set = try fitted.trainingSet(d, target: spec)
        #expect(set.rows == 344)
        #expect(set.y.task == .multiclass)
        let data = try JSONEncoder().encode(fitted)
        let decoded = try JSONDecoder().decode(FittedPipeline.self, from: data)
        #expect(decoded == fitted)
        #expect(try decoded.transform(d) == set.x)
    }

    @Test func datetimeExpandsToParts() throws {
        let d = try CSVReader.read(text: "when,v\n2024-03-15T06:30:00,1\n2023-12-31,2\n")
        let fitted = try Pipeline(
            columns: [ColumnPlan(name: "when", treatment: .datetime)], options: PreprocessingPreset.tree.options
        ).fit(d)
        #expect(fitted.features.map(\.name) == ["when_year", "when_month", "when_day", "when_weekday", "when_hour"])
        let x = try fitted.transform(d)
        #expect((0..<5).map { x[0, $0] } == [2024, 3, 15, 4, 6.5])
        #expect((0..<5).map { x[1, $0] } == [2023, 12, 31, 6, 0])
    }
}
