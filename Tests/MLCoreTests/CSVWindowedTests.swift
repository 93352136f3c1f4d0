// Large files are read windowed (pages brought in ahead of each reader and released behind it, the
// fingerprint hashed window by window): the result must be the dataset and fingerprint of the
// all-at-once read, also when a column turns to text late (its earlier, released blocks are re-read)
// and when quoted fields hold delimiters and newlines. Small windows make a small file exercise it.
import Foundation
import Testing

@testable import MLCore

@Suite struct CSVWindowedTests {
    /// ~2 MB: numbers, a column that turns to text near the end, quoted fields with ',' and newlines.
    static func csv() -> String {
        var g = SeededGenerator(seed: 5)
        var lines = ["id,x,late,note"]
        for i in 0..<60_000 {
            let late = i == 55_000 ? "n/a-ish" : String(g.nextInt(below: 90))
            let note = i % 97 == 0 ? "\"a, \"\"quoted\"\"\nline \(i)\"" : "plain\(i % 5)"
            lines.append("\(i),\(Double(g.nextInt(below: 1_000_000)) / 1000),\(late),\(note)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [1, 3])
    func windowedReadIsTheWholeRead(threads: Int) throws {
        let path = try TestData.file(Self.csv(), name: "windowed.csv")
        let options = CSVOptions(threads: threads)
        let whole = try CSVReader.read(path: path, options: options)
        let file = try FileBytes.map(path: path, windowedFrom: 0, window: 8_192)
        #expect(file.windowed && file.releases)
        let windowed = try CSVReader.read(file, name: path, options: options)
        #expect(windowed == whole)
        #expect(windowed.fileFingerprint == whole.fileFingerprint && whole.fileFingerprint != nil)
        #expect(try windowed.column(named: "late").kind == .categorical)
        #expect(
            file.fingerprint() == Fingerprint.hash(bytes: UnsafeRawBufferPointer(start: file.base, count: file.count)))
    }

    @Test func hashingInPiecesIsHashingAtOnce() {
        let bytes: [UInt8] = (0..<1_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        bytes.withUnsafeBytes { all in
            for cut in [0, 8, 496, 1_000] {
                var h = ContentHasher()
                h.combineWords(UnsafeRawBufferPointer(rebasing: all[..<cut]))
                h.combineWords(UnsafeRawBufferPointer(rebasing: all[cut...]))
                h.finishBytes(count: all.count)
                #expect(h.finalize() == Fingerprint.hash(bytes: all))
            }
        }
    }
}
