import Foundation
import Testing

@testable import MLCore

/// `HugePages.reserve` must make a large column live on 2 MiB pages (the point of it: ~500× fewer page faults)
/// without changing what the array holds. Read back from the kernel's own accounting, /proc/self/smaps.
@Suite struct HugePagesTests {
    /// Kilobytes of huge pages backing the mapping that holds `address`, or nil when smaps does not say.
    static func hugeKilobytes(at address: Int) -> Int? {
        guard let smaps = readProcFile("/proc/self/smaps") else { return nil }
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let bounds = range.split(separator: "-").compactMap { Int($0, radix: 16) }
                inside = bounds.count == 2 && bounds[0] <= address && address < bounds[1]
            } else if inside, fields.first == "AnonHugePages:", fields.count >= 2 {
                return Int(fields[1])
            }
        }
        return nil
    }

    /// The whole of a /proc file (its size reads as 0, so it is read to its end in pieces).
    static func readProcFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&piece, 1, piece.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: piece[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// THP mode from sysfs: "always", "madvise" or "never" (nil off Linux).
    static var mode: String? {
        guard let text = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
            let open = text.firstIndex(of: "["), let close = text.firstIndex(of: "]")
        else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    @Test func aWrittenColumnOfEightMegabytesLivesOnHugePages() throws {
        guard let mode = Self.mode, mode != "never" else { return }  // the machine forbids them: nothing to check
        let count = 1_000_000
        var values: [Double] = []
        HugePages.reserve(&values, count)
        #expect(values.capacity >= count)
        for i in 0..<count { values.append(Double(i)) }
        let address = values.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        let huge = try #require(Self.hugeKilobytes(at: address + 4 << 20))
        // 8 MB of values hold three aligned 2 MiB ranges whatever the start; each must be one huge page.
        #expect(huge >= 3 * 2_048, "only \(huge) kB of the column is on huge pages")
        #expect(values[0] == 0 && values[count - 1] == Double(count - 1))
    }

    @Test func aSmallArrayReservesExactlyWhatWasAsked() {
        var values: [Int32] = []
        HugePages.reserve(&values, 1_000)
        #expect(values.capacity >= 1_000 && values.capacity < 1_000 + HugePages.size / 4)
    }
}
