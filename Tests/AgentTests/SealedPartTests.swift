// The sealed test rows of a large table wait on disk (SealedPart, DatasetArchive) and read back equal to
// what was cut, every column kind included; a damaged file is an error that says what to do.
import Foundation
import MLCore
import Testing

@testable import Agent

@Suite struct SealedPartTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every storage a column has: numbers with NaN, categorical codes with missing, text with nil and accents.
    private func table() throws -> Dataset {
        var d = try Dataset(columns: [
            Column(name: "x", numbers: [1.5, .nan, -0.0, 1e300]),
            Column(name: "n", numbers: [1, 2, 3, 4], kind: .integer),
            Column(name: "city", categories: ["Paris", nil, "Lyon", "Paris"]),
            Column(name: "review", text: ["très bien", nil, "", "ok, \"quoted\"\nline"]),
        ])
        d.source = "t.csv"
        d.readingNotes = ["read as UTF-8"]
        return d
    }

    /// Equal columns, a NaN equal to the same NaN (bit for bit, so -0.0 and 0.0 differ too).
    private func same(_ a: [Column], _ b: [Column]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            guard x.name == y.name, x.kind == y.kind else { return false }
            if case .numeric(let u) = x.data, case .numeric(let v) = y.data {
                return u.map(\.bitPattern) == v.map(\.bitPattern)
            }
            return x.data == y.data
        }
    }

    @Test func aDatasetReadsBackEqualFromItsArchive() throws {
        let url = try folder().appendingPathComponent("d.bin")
        let d = try table()
        try DatasetArchive.write(d, to: url)
        let back = try #require(DatasetArchive.read(from: url))
        #expect(same(back.columns, d.columns))
        #expect(back.rowCount == 4)
    }

    @Test func aTruncatedArchiveIsNotRead() throws {
        let url = try folder().appendingPathComponent("d.bin")
        try DatasetArchive.write(try table(), to: url)
        let whole = try Data(contentsOf: url)
        try whole.prefix(whole.count - 3).write(to: url)
        #expect(DatasetArchive.read(from: url) == nil)
    }

    @Test func aLargePartGoesToDiskAndComesBackWithItsProvenance() throws {
        let workspace = try folder()
        let d = try table()
        let part = SealedPart.keep(d, datasetID: "my data", workspace: workspace, spillCells: 8)
        guard case .onDisk(let url, let rows, _, _) = part else {
            Issue.record("16 cells over a limit of 8 should go to disk")
            return
        }
        #expect(rows == 4 && part.rowCount == 4)
        #expect(url.path.hasSuffix(".mlexp/sealed/mydata.bin"))
        let back = try part.dataset()
        #expect(same(back.columns, d.columns))
        #expect(back.source == "t.csv" && back.readingNotes == ["read as UTF-8"])

        try FileManager.default.removeItem(at: url)
        #expect(throws: ToolError.self) { try part.dataset() }
        do {
            _ = try part.dataset()
        } catch {
            #expect(error.message.contains("call load_data again"))
        }
    }

    @Test func aSmallPartStaysInMemory() throws {
        let workspace = try folder()
        let part = SealedPart.keep(try table(), datasetID: "d", workspace: workspace)
        guard case .inMemory = part else {
            Issue.record("a 16-cell part should stay in memory")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent(".mlexp/sealed").path))
    }
}
