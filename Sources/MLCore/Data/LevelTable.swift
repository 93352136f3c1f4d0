// Dictionary encoding straight from bytes: maps each distinct cell value to a code (0, 1, … in
// first-seen order) without making a String per cell (one copy per distinct value into an arena).
// Open addressing; the hash reads eight bytes at a time (the codes do not depend on it).
// Leaves out: sorting levels and UTF-8 validation (CSVColumnBuilder does both once per level).

struct LevelTable {
    private(set) var arena: [UInt8] = []
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    /// Per level, its first eight bytes (zero-padded): levels of up to 8 bytes compare as one word.
    private var prefixes: [UInt64] = []
    /// Per slot: the hash's high 32 bits, then code + 1 (0 = empty), so a probe is one load.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)
    private var mask = 63

    var count: Int { starts.count }

    /// Where `p[start..<end]` is in the table: its code (-1 when it is not a level yet) and, for
    /// `insert`, the free slot it would take.
    struct Probe {
        let code: Int32
        let slot: Int
        let hash: UInt64
        let prefix: UInt64
    }

    /// Looks `p[start..<end]` up without adding it. - Complexity: O(length) expected.
    @inline(__always)
    func lookup(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Probe {
        let length = end - start
        let prefix = Self.prefix(p + start, length)
        let h = Self.hash(p + start, length, prefix: prefix)
        let tag = h >> 32
        var slot = Int(truncatingIfNeeded: h) & mask
        let found: Int32 = slots.withUnsafeBufferPointer { slotBuffer in
            prefixes.withUnsafeBufferPointer { prefixBuffer in
                while true {
                    let entry = slotBuffer[slot]
                    if entry == 0 { return -1 }
                    if entry >> 32 == tag {
                        let k = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                        if prefixBuffer[k] == prefix && ends[k] - starts[k] == length
                            && (length <= 8 || sameTail(k, p + start, length))
                        {
                            return Int32(k)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return Probe(code: found, slot: slot, hash: h, prefix: prefix)
    }

    /// Adds `p[start..<end]`, which `probe` (the latest lookup of it) did not find; returns its code.
    mutating func insert(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ probe: Probe) -> Int32 {
        let code = Int32(starts.count)
        starts.append(arena.count)
        arena.append(contentsOf: UnsafeBufferPointer(start: p + start, count: end - start))
        ends.append(arena.count)
        prefixes.append(probe.prefix)
        slots[probe.slot] = (probe.hash >> 32) << 32 | UInt64(code + 1)
        if starts.count * 2 > mask { rehash() }
        return code
    }

    /// The code of `p[start..<end]`, adding it as a new level when unseen. - Complexity: O(length) expected.
    @inline(__always)
    mutating func code(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let probe = lookup(p, start, end)
        return probe.code >= 0 ? probe.code : insert(p, start, end, probe)
    }

    /// Whether level `k` (same length and first eight bytes) equals the `n` bytes at `p`.
    private func sameTail(_ k: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        arena.withUnsafeBufferPointer { a in a.baseAddress.map { Self.equal($0 + starts[k], p, n) } ?? false }
    }

    mutating func code(_ bytes: [UInt8]) -> Int32 { code(bytes[...]) }

    mutating func code(_ bytes: ArraySlice<UInt8>) -> Int32 {
        bytes.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { return code(base, 0, b.count) }
            var zero: UInt8 = 0
            return withUnsafePointer(to: &zero) { code($0, 0, 0) }
        }
    }

    /// The bytes of level `k`.
    func bytes(_ k: Int) -> ArraySlice<UInt8> { arena[starts[k]..<ends[k]] }

    /// The first eight bytes of `n` bytes at `p`, little-endian, zero-padded.
    @inline(__always)
    static func prefix(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n >= 8 { return load(p) }
        var w: UInt64 = 0
        for i in 0..<n { w |= UInt64(p[i]) << (8 * UInt64(i)) }
        return w
    }

    /// A 64-bit hash of `n` bytes (`prefix` is their first eight): eight-byte words (the last one
    /// overlapping) folded by multiply-xorshift, then SplitMix64's finaliser so every input bit
    /// reaches the bits the table uses.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, prefix: UInt64) -> UInt64 {
        var h = (UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15) ^ prefix
        if n > 8 {
            var i = 8
            while i + 8 < n {
                h = (h &* 0xBF58_476D_1CE4_E5B9) ^ load(p + i)
                h ^= h >> 31
                i += 8
            }
            h = (h &* 0xBF58_476D_1CE4_E5B9) ^ load(p + n - 8)
        }
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// Whether `n` bytes at `a` and `b` are equal, eight at a time.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if load(a + i) != load(b + i) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    private mutating func rehash() {
        let size = (mask + 1) * 2
        mask = size - 1
        var grown = [UInt64](repeating: 0, count: size)
        arena.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress else { return }
            for k in 0..<starts.count {
                let h = Self.hash(base + starts[k], ends[k] - starts[k], prefix: prefixes[k])
                var slot = Int(truncatingIfNeeded: h) & mask
                while grown[slot] != 0 { slot = (slot + 1) & mask }
                grown[slot] = (h >> 32) << 32 | UInt64(k + 1)
            }
        }
        slots = grown
    }
}
