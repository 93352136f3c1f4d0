// Progress on screen for long work: a CSV read posts its rows as they are read (totals that only grow,
// ending at the file's rows), a cross-validation posts fold k of n then the final fit, a search posts
// trial i of m at each fold; a computation without a sink posts nothing, and a sink never changes what
// is computed.
import Foundation
import Synchronization
import Testing

@testable import MLCore

/// Collects the events posted on the thread that installed it.
final class CollectedProgress: Sendable {
    private let list = Mutex<[ProgressEvent]>([])
    var events: [ProgressEvent] { list.withLock { $0 } }

    func run<R>(_ body: () throws -> R) rethrows -> R {
        try ProgressReport.withSink({ e in self.list.withLock { $0.append(e) } }, body)
    }
}

@Suite struct ProgressReportTests {
    @Test(arguments: [1, 3])
    func csvReadPostsGrowingRowCountsEndingAtTheFilesRows(threads: Int) throws {
        let path = try TestData.file(CSVWindowedTests.csv(), name: "progress.csv")
        let options = CSVOptions(threads: threads)
        let collected = CollectedProgress()
        let watched = try collected.run { try CSVReader.read(path: path, options: options) }
        let rows = collected.events.compactMap { e -> (Int, Double)? in
            if case .rowsRead(let r, let f) = e { return (r, f) }
            return nil
        }
        #expect(rows.count == collected.events.count && rows.count >= 5, "60,000 rows report several times")
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.0 < $1.0 && $0.1 <= $1.1 })
        #expect(rows.last?.0 == watched.rowCount && watched.rowCount == 60_000)
        #expect(abs((rows.last?.1 ?? 0) - 1) < 1e-9)
        // Unwatched: nothing posted, the same table.
        let quiet = CollectedProgress()
        let unwatched = try CSVReader.read(path: path, options: options)
        #expect(quiet.events.isEmpty)
        #expect(unwatched == watched)
    }

    static func table(rows: Int) throws -> Dataset {
        var g = SeededGenerator(seed: 3)
        let x = (0..<rows).map { _ in Double(g.nextInt(below: 1000)) / 100 }
        let z = (0..<rows).map { _ in Double(g.nextInt(below: 1000)) / 100 }
        let y = zip(x, z).map { $0 + $1 > 10 ? "yes" : "no" }
        return try Dataset(columns: [
            Column(name: "x", numbers: x), Column(name: "z", numbers: z), Column(name: "y", categories: y),
        ])
    }

    @Test func crossValidationPostsEachFoldThenTheFinalFit() throws {
        let data = try Self.table(rows: 300)
        let spec = ExperimentSpec(target: "y", family: try .named("logistic"), validation: .crossValidation(folds: 3))
        let collected = CollectedProgress()
        let watched = try collected.run { try ExperimentRunner.run(dataset: data, spec: spec) }
        #expect(
            collected.events == [
                .fold(1, of: 3, trainRows: 200), .fold(2, of: 3, trainRows: 200), .fold(3, of: 3, trainRows: 200),
                .finalFit(rows: 300),
            ])
        let unwatched = try ExperimentRunner.run(dataset: data, spec: spec)
        #expect(unwatched.metrics == watched.metrics)
    }

    @Test func randomSearchPostsTrialIOfMAtEachFold() throws {
        let data = SyntheticData.informative(rows: 90, seed: 2)
        let space = SearchSpace(["shrink": .double(low: 0.01, high: 1, log: true)])
        let collected = CollectedProgress()
        _ = try collected.run {
            try HyperparameterSearch.random(
                space: space, candidates: 4, metric: "rmse", target: .values(data.y),
                folds: SyntheticData.folds(rows: 90, k: 3), seed: 1
            ) { (_, _, valid) throws(MLError) -> Prediction in .values(valid.map { _ in 0 }) }
        }
        let expected = (1...4).flatMap { i in (1...3).map { k in ProgressEvent.trial(i, of: 4, fold: k, folds: 3) } }
        #expect(collected.events == expected)
    }

    @Test func halvingPostsTheTrialsItPlanned() throws {
        let data = SyntheticData.informative(rows: 300, seed: 2)
        let space = SearchSpace(["shrink": .double(low: 0.01, high: 1, log: true)])
        let collected = CollectedProgress()
        let r = try collected.run {
            try HyperparameterSearch.successiveHalving(
                space: space, candidates: 9, metric: "rmse", target: .values(data.y),
                folds: SyntheticData.folds(rows: 300, k: 2)
            ) { (p, _, valid) throws(MLError) -> Prediction in
                .values(valid.map { _ in p["shrink"]?.doubleValue ?? 0 })
            }
        }
        #expect(r.trials.count == 13)
        #expect(collected.events.last == .trial(13, of: 13, fold: 2, folds: 2))
        #expect(collected.events.count == 26)
    }

    @Test func partitionedIsTheTwoSelections() throws {
        var data = try Dataset(columns: [
            Column(name: "n", numbers: [1, 2, 3, 4, 5, 6]),
            Column(name: "c", categories: ["a", nil, "b", "a", "c", "b"]),
            Column(name: "t", text: ["one two three four", nil, "x", "y", "z", "w"]),
        ])
        data.readingNotes = ["read as Windows-1252"]
        let first = [4, 0, 2], second = [1, 5]
        let (a, b) = data.partitioned(first, second)
        #expect(a.columns == data.selecting(rows: first).columns)
        #expect(b.columns == data.selecting(rows: second).columns)
        #expect(a.rowCount == 3 && b.rowCount == 2 && a.columnNames == ["n", "c", "t"])
        #expect(a.readingNotes == data.readingNotes && b.readingNotes == data.readingNotes)
    }
}
