// Splits are reproducible from the seed, partition the rows, and stratify within one sample per class.
import Testing

@testable import MLCore

@Suite struct SplitTests {
    let labels: [Int] = (0..<503).map { $0 % 10 == 0 ? 2 : ($0 % 3 == 0 ? 1 : 0) }

    @Test func holdoutIsReproducibleAndPartitions() throws {
        let a = try Split.holdout(count: 100, testFraction: 0.25, seed: 7)
        let b = try Split.holdout(count: 100, testFraction: 0.25, seed: 7)
        let c = try Split.holdout(count: 100, testFraction: 0.25, seed: 8)
        #expect(a == b)
        #expect(a != c)
        #expect(a.test.count == 25)
        #expect(Set(a.train).union(a.test) == Set(0..<100))
        #expect(Set(a.train).isDisjoint(with: a.test))
    }

    @Test func stratifiedHoldoutKeepsClassShares() throws {
        let s = try Split.stratifiedHoldout(labels: labels, testFraction: 0.2, seed: 1)
        for k in 0..<3 {
            let total = labels.filter { $0 == k }.count
            let inTest = s.test.filter { labels[$0] == k }.count
            #expect(abs(Double(inTest) - 0.2 * Double(total)) <= 1)
        }
        #expect(try Split.stratifiedHoldout(labels: labels, testFraction: 0.2, seed: 1) == s)
    }

    @Test(arguments: [2, 5, 10])
    func stratifiedKFoldWithinOneSamplePerClass(folds: Int) throws {
        let splits = try StratifiedKFold(folds: folds, seed: 3).split(labels: labels)
        #expect(splits.count == folds)
        #expect(splits.flatMap(\.test).sorted() == Array(0..<labels.count))
        for s in splits {
            #expect(Set(s.train).isDisjoint(with: s.test))
            for k in 0..<3 {
                let total = labels.filter { $0 == k }.count
                let inFold = s.test.filter { labels[$0] == k }.count
                #expect(abs(Double(inFold) - Double(total) / Double(folds)) < 1)
            }
        }
        #expect(try StratifiedKFold(folds: folds, seed: 3).split(labels: labels) == splits)
        #expect(try StratifiedKFold(folds: folds, seed: 4).split(labels: labels) != splits)
    }

    @Test func kFoldCoversEveryRowOnce() throws {
        let splits = try KFold(folds: 4, seed: 2).split(count: 10)
        #expect(splits.flatMap(\.test).sorted() == Array(0..<10))
        #expect(splits.map(\.test.count).sorted() == [2, 2, 3, 3])
    }

    @Test func groupKFoldKeepsGroupsTogether() throws {
        let groups = (0..<60).map { $0 / 4 }
        let splits = try GroupKFold(folds: 3).split(groups: groups)
        for s in splits {
            #expect(Set(s.train.map { groups[$0] }).isDisjoint(with: Set(s.test.map { groups[$0] })))
        }
        #expect(splits.flatMap(\.test).sorted() == Array(0..<60))
        #expect(throws: MLError.self) { try GroupKFold(folds: 5).split(groups: [1, 1, 2]) }
    }

    @Test func timeSplitNeverTrainsOnTheFuture() throws {
        let times = (0..<60).map { Double(($0 * 37) % 60) }
        let splits = try TimeSeriesSplit(folds: 4, gap: 2).split(times: times)
        #expect(splits.count == 4)
        for s in splits {
            let latestTrain = s.train.map { times[$0] }.max() ?? -1
            let earliestTest = s.test.map { times[$0] }.min() ?? 0
            #expect(latestTrain + 2 < earliestTest)
            #expect(s.test.count == 12)
        }
    }

    @Test func sealedTestSplitIsCutOncePerDataset() throws {
        let d = try TestData.load("titanic.csv")
        let spec = try TargetSpec(dataset: d, column: "survived")
        let a = try SealedTestSplit(dataset: d, target: spec)
        let b = try SealedTestSplit(dataset: try TestData.load("titanic.csv"), target: spec)
        #expect(a == b)
        #expect(a.stratified)
        #expect(a.testRows.count == 263)
        #expect(Set(a.trainRows).isDisjoint(with: a.testRows))
        #expect(a.fingerprint == d.fingerprint.hex)
        let other = try SealedTestSplit(dataset: d, target: spec, seed: 1)
        #expect(other.testRows != a.testRows)
    }

    @Test func badParametersAreRefusedWithAReason() {
        #expect(
            throws: MLError(
                .invalidParameter, "5-fold cross-validation needs at least 5 rows, found 3; use fewer folds.")
        ) {
            try KFold(folds: 5).split(count: 3)
        }
        #expect(throws: MLError.self) { try Split.holdout(count: 10, testFraction: 1.5, seed: 0) }
    }

    /// The one choice of folds: grouped when groups are given, stratified for classes, shuffled k-fold for values.
    @Test func foldsChooseTheSchemeFromTheTargetAndGroups() throws {
        let classes = TargetValues.classes(labels: labels, classNames: ["a", "b", "c"])
        #expect(
            try Folds.make(target: classes, k: 5, seed: 3) == StratifiedKFold(folds: 5, seed: 3).split(labels: labels))
        let values = TargetValues.values(labels.map(Double.init))
        #expect(try Folds.make(target: values, k: 5, seed: 3) == KFold(folds: 5, seed: 3).split(count: labels.count))
        let groups = labels.indices.map { $0 / 4 }
        let grouped = try Folds.make(target: classes, k: 5, seed: 3, groups: groups)
        for fold in grouped {
            let inValid = Set(fold.test.map { groups[$0] }), inTrain = Set(fold.train.map { groups[$0] })
            #expect(inValid.isDisjoint(with: inTrain))
        }
    }
}

/// Dataset.appending undoes Dataset.partitioned: the two parts joined hold the rows of both, in order,
/// categorical levels merged by name even when each part holds only some of them.
@Suite struct DatasetAppendTests {
    @Test func joiningTheTwoPartsGivesTheRowsOfBothInOrder() throws {
        let table = try TestData.load("penguins.csv")
        let first = Array(stride(from: 0, to: table.rowCount, by: 3)),
            second = (0..<table.rowCount).filter { $0 % 3 != 0 }
        let (a, b) = table.partitioned(first, second)
        let joined = try a.appending(b)
        let expected = table.selecting(rows: first + second)
        #expect(joined.rowCount == expected.rowCount)
        for (x, y) in zip(joined.columns, expected.columns) {
            #expect((0..<joined.rowCount).allSatisfy { x.string(at: $0) == y.string(at: $0) }, "\(x.name)")
        }
    }

    @Test func levelsAreMergedByName() throws {
        let a = Column(name: "c", kind: .categorical, data: .categorical(codes: [0, 1, -1], levels: ["b", "d"]))
        let b = Column(name: "c", kind: .categorical, data: .categorical(codes: [1, 0], levels: ["a", "b"]))
        let joined = try a.appending(b)
        #expect(joined.data == .categorical(codes: [1, 2, -1, 1, 0], levels: ["a", "b", "d"]))
        let wrong = Column(name: "c", kind: .float, data: .numeric([1]))
        #expect(throws: MLError.self) { try a.appending(wrong) }
    }
}
