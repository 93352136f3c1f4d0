// Where the CSV reader cuts the file for parallel tokenising, and which delimiter it uses.
// Cuts follow a quote-parity scan (an even number of quotes before a newline means the newline ends a
// record in well-formed RFC 4180); the tokenizer verifies each cut and the reader falls back to one
// sequential pass when a cut was wrong. Leaves out: the tokenising itself.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum ChunkPlanner {
    /// Offsets `[from, cut1, …, to]` of `chunks` pieces, each cut just after a record-ending newline.
    /// - Complexity: O(to − from) (one pass counting quotes).
    static func boundaries(_ file: FileBytes, from: Int, to: Int, chunks: Int) -> [Int] {
        guard chunks > 1, to > from else { return [from, to] }
        let p = file.base
        // No quote in the first 64 KiB: cut after the first newline past each target without counting quotes
        // (which would bring in the pages before the last cut on this thread). A cut inside a quoted field
        // that spans lines is still caught: the chunk before it ends inside the quote and the reader re-reads
        // the file in one pass.
        if countQuotes(p, from: from, to: min(to, from + 65_536)) == 0 {
            var cuts = [from]
            for k in 1..<chunks {
                let target = max(from + (to - from) * k / chunks, cuts[cuts.count - 1])
                guard let hit = memchr(p + target, 10, to - target) else { break }
                let cut = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - p + 1
                if cut < to && cut > cuts[cuts.count - 1] { cuts.append(cut) }
            }
            cuts.append(to)
            return cuts
        }
        var cuts = [from]
        var position = from
        var quotes = 0
        for k in 1..<chunks {
            let target = from + (to - from) * k / chunks
            if target <= position { continue }
            file.sequentially(from: position, to: target) { a, b in quotes &+= countQuotes(p, from: a, to: b) }
            var i = target
            while i < to {
                let b = p[i]
                if b == 34 {
                    quotes &+= 1
                } else if b == 10 && quotes & 1 == 0 {
                    break
                }
                i += 1
            }
            position = min(i + 1, to)
            if position < to && position > cuts[cuts.count - 1] { cuts.append(position) }
            if i >= to { break }
        }
        cuts.append(to)
        return cuts
    }

    /// The number of '"' bytes in `p[from..<to)`; memchr skips quote-free stretches at memory speed.
    static func countQuotes(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        while i < to, let hit = memchr(p + i, 34, to - i) {
            count += 1
            i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - p + 1
        }
        return count
    }

    /// Cells per byte from the first 64 KiB, with 25 % headroom, to size offset buffers.
    static func estimatedCellsPerByte(_ p: UnsafePointer<UInt8>, from: Int, to: Int, columns: Int) -> Double {
        let end = min(to, from + 65_536)
        var lines = 0
        for i in from..<end where p[i] == 10 { lines += 1 }
        let bytesPerLine = lines > 0 ? Double(end - from) / Double(lines) : Double(max(end - from, 1))
        return 1.25 * Double(columns) / max(bytesPerLine, 1)
    }
}

enum DelimiterSniffer {
    static let candidates: [UInt8] = [44, 9, 59, 124]  // , tab ; |

    /// The candidate that splits the first lines (up to 20, quote-aware) into the same number of
    /// fields most often, preferring more fields, then the order above; ',' when none appears.
    static func sniff(_ p: UnsafePointer<UInt8>, from: Int, count n: Int) -> UInt8 {
        var counts = [[Int]](repeating: [], count: candidates.count)
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var i = from
        let end = min(n, from + 256 * 1024)
        while i < end && counts[0].count < 20 {
            let b = p[i]
            if b == 34 {
                inQuotes.toggle()
            } else if !inQuotes {
                if b == 10 {
                    for k in candidates.indices { counts[k].append(current[k]) }
                    current = [Int](repeating: 0, count: candidates.count)
                } else if let k = candidates.firstIndex(of: b) {
                    current[k] += 1
                }
            }
            i += 1
        }
        if current.contains(where: { $0 > 0 }) || counts[0].isEmpty {
            for k in candidates.indices { counts[k].append(current[k]) }
        }
        var best: (k: Int, score: Int, fields: Int)?
        for k in candidates.indices {
            guard let header = counts[k].first, header > 0 else { continue }
            let score = counts[k].filter { $0 == header }.count
            if let b = best, (b.score, b.fields) >= (score, header) { continue }
            best = (k, score, header)
        }
        return best.map { candidates[$0.k] } ?? 44
    }
}
