// Folds held as their validation rows only: the training rows made on demand are exactly the
// splitter's, and splits whose training rows are not the rest (time series with a gap) stay listed.
import MLCore
import Testing

@Suite struct CompactFoldTests {
    private func expectSame(_ splits: [TrainTestIndices], rows: Int) {
        let folds = FoldRows.of(splits, rowCount: rows)
        #expect(folds.count == splits.count)
        for (fold, split) in zip(folds, splits) {
            #expect(fold.train == split.train)
            #expect(fold.valid == split.test)
            #expect(fold.trainCount == split.train.count)
        }
    }

    @Test func kFoldStratifiedAndGroupedFoldsGiveTheSplittersTrainingRows() throws {
        var g = SeededGenerator(seed: 11)
        let n = 1_003
        let labels = (0..<n).map { _ in g.nextInt(below: 3) }
        let groups = (0..<n).map { _ in g.nextInt(below: 97) }
        expectSame(try KFold(folds: 5, seed: 3).split(count: n), rows: n)
        expectSame(try StratifiedKFold(folds: 4, seed: 3).split(labels: labels), rows: n)
        expectSame(try GroupKFold(folds: 3).split(groups: groups), rows: n)
        expectSame(
            try Folds.make(target: .classes(labels: labels, classNames: ["a", "b", "c"]), k: 2, seed: 9), rows: n)
    }

    @Test func timeSeriesFoldsWithAGapKeepTheirListedTrainingRows() throws {
        let times = (0..<200).map(Double.init)
        let splits = try TimeSeriesSplit(folds: 4, gap: 2).split(times: times)
        // Not the complement (earlier blocks only, and a gap): listed as given.
        #expect(splits.contains { $0.train.count + $0.test.count != times.count })
        expectSame(splits, rows: times.count)
    }

    @Test func aListNotAscendingOrOverlappingIsNotTakenForTheComplement() {
        let unordered = TrainTestIndices(train: [3, 1, 2], test: [0])
        let overlapping = TrainTestIndices(train: [0, 1, 2], test: [2])
        expectSame([unordered, overlapping], rows: 4)
    }
}
