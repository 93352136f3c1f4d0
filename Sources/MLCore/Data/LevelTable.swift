// Dictionary encoding straight from bytes: maps each distinct cell value to a code without making a
// String per cell (one copy per distinct value into an arena). Open addressing, FNV-1a hashes.
// Leaves out: sorting levels and UTF-8 validation (CSVColumnBuilder does both once per level).

struct LevelTable {
    private(set) var arena: [UInt8] = []
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var mask = 63

    var count: Int { starts.count }

    /// The code of `p[start..<end]`, adding it as a new level when unseen. - Complexity: O(length) expected.
    @inline(__always)
    mutating func code(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let length = end - start
        while true {
            let existing = slots[slot]
            if existing < 0 { break }
            let k = Int(existing)
            if hashes[k] == h && ends[k] - starts[k] == length && equalBytes(k, p, start, length) { return existing }
            slot = (slot + 1) & mask
        }
        let code = Int32(starts.count)
        starts.append(arena.count)
        arena.append(contentsOf: UnsafeBufferPointer(start: p + start, count: length))
        ends.append(arena.count)
        hashes.append(h)
        slots[slot] = code
        if starts.count * 2 > mask { rehash() }
        return code
    }

    mutating func code(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { return code(base, 0, b.count) }
            var zero: UInt8 = 0
            return withUnsafePointer(to: &zero) { code($0, 0, 0) }
        }
    }

    /// The bytes of level `k`.
    func bytes(_ k: Int) -> ArraySlice<UInt8> { arena[starts[k]..<ends[k]] }

    private func equalBytes(_ k: Int, _ p: UnsafePointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        arena.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress else { return length == 0 }
            return memcmpBytes(base + starts[k], p + start, length)
        }
    }

    private mutating func rehash() {
        let size = (mask + 1) * 2
        mask = size - 1
        slots = Array(repeating: -1, count: size)
        for k in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[k] ^ (hashes[k] >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k)
        }
    }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
