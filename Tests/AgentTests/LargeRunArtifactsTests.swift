// Out-of-fold predictions of tables over OutOfFoldArchive.maxRows rows: kept on disk in binary, read back
// equal, and kept only there, not in the session's memory.
import Foundation
import MLCore
import Testing

@testable import Agent

@Suite struct LargeRunArtifactsTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oof-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A binary run of `rows` rows whose numbers depend on `seed`.
    private func classes(_ id: String, rows: Int, seed: UInt64) -> RunArtifacts {
        var g = SeededGenerator(seed: seed)
        let truth = (0..<rows).map { _ in g.nextInt(below: 2) }
        let p1 = (0..<rows).map { _ in Double(g.nextInt(below: 1_000_001)) / 1_000_000 }
        let probabilities = p1.flatMap { [1 - $0, $0] }
        return RunArtifacts(
            runID: id, datasetID: "d1", target: .classes(labels: truth, classNames: ["no", "yes"]),
            outOfFold: .classes(labels: p1.map { $0 > 0.5 ? 1 : 0 }, probabilities: probabilities, classCount: 2))
    }

    @Test func theBinaryFormReadsBackEqual() throws {
        let dir = try folder()
        let url = dir.appendingPathComponent("r1.bin")
        let a = classes("r0001", rows: 1_000, seed: 1)
        try a.writeBinary(to: url)
        let back = try #require(RunArtifacts.readBinary(from: url))
        #expect(back.runID == a.runID && back.datasetID == a.datasetID)
        let same = back.target == a.target && back.outOfFold == a.outOfFold
        #expect(same)

        let values = RunArtifacts(
            runID: "r0002", datasetID: "d1", target: .values([1.5, -2, .infinity]), outOfFold: .values([1, 2, 3]))
        try values.writeBinary(to: url)
        let v = try #require(RunArtifacts.readBinary(from: url))
        let sameValues = v.target == values.target && v.outOfFold == values.outOfFold
        #expect(sameValues)
    }

    @Test func aTruncatedOrForeignFileIsNotRead() throws {
        let dir = try folder()
        let url = dir.appendingPathComponent("r1.bin")
        try classes("r0001", rows: 500, seed: 2).writeBinary(to: url)
        let whole = try Data(contentsOf: url)
        try whole.prefix(whole.count - 8).write(to: url)
        #expect(RunArtifacts.readBinary(from: url) == nil)
        try Data("{\"runID\": \"r0001\"}".utf8).write(to: url)
        #expect(RunArtifacts.readBinary(from: url) == nil)
    }

    @Test func largeRunsLeaveMemoryOnceOnDisk() throws {
        let dir = try folder()
        let archive = OutOfFoldArchive(workspace: dir)
        let rows = OutOfFoldArchive.maxRows + 1
        let first = classes("r0001", rows: rows, seed: 3), second = classes("r0002", rows: rows, seed: 4)
        let small = classes("r0003", rows: 100, seed: 5)
        let session = Session()
        for a in [first, second, small] {
            let saved = archive.save(a)
            #expect(saved)
            session.recordRun(a, archivedIn: OutOfFoldArchive.isLarge(a) ? archive : nil)
        }
        // Both large runs come back equal, from disk.
        let firstBack = session.artifacts("r0001")?.outOfFold == first.outOfFold
        let secondBack = session.artifacts("r0002")?.outOfFold == second.outOfFold
        #expect(firstBack && secondBack)
        // With the files gone, only what is still in memory answers: the small run.
        try FileManager.default.removeItem(at: archive.folder)
        let largeGone = session.artifacts("r0001") == nil && session.artifacts("r0002") == nil
        let smallKept = session.artifacts("r0003")?.outOfFold == small.outOfFold
        #expect(largeGone && smallKept)
    }
}
