// Stable 64-bit content hashes, shown as 16 hex digits: of a file's bytes, and of a dataset's
// content (column names, kinds and values in a canonical byte form), so a run can say exactly what
// data it saw. The function: FNV-1a over 8-byte little-endian words (bytes for the tail), then the
// SplitMix64 finaliser; identical on every platform and every run (unlike Swift's Hasher).
// Leaves out: cryptographic strength (this detects change, it does not resist forgery).

/// A 64-bit content hash.
public struct Fingerprint: Sendable, Codable, Hashable, CustomStringConvertible {
    public let value: UInt64

    public init(value: UInt64) { self.value = value }

    /// 16 lowercase hex digits.
    public var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public var description: String { hex }

    /// The hash of raw bytes. - Complexity: O(bytes), about a byte per cycle / 8.
    public static func hash(bytes: UnsafeRawBufferPointer) -> Fingerprint {
        var h = ContentHasher()
        h.combine(bytes)
        return h.finalize()
    }

    public static func hash(_ bytes: [UInt8]) -> Fingerprint {
        bytes.withUnsafeBytes { hash(bytes: $0) }
    }
}

/// Incremental form of `Fingerprint.hash`.
public struct ContentHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    public init() {}

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        combineWords(bytes)
        finishBytes(count: bytes.count)
    }

    /// `combine` in pieces: pieces whose sizes are multiples of 8 (all but the last), then
    /// `finishBytes(count:)` with their total, hash as one `combine` of the whole.
    mutating func combineWords(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var i = 0
        var h = state
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                h = (h ^ word) &* Self.prime
                i += 8
            }
            while i < n {
                h = (h ^ UInt64(base.load(fromByteOffset: i, as: UInt8.self))) &* Self.prime
                i += 1
            }
        }
        state = h
    }

    /// Ends a run of `combineWords` pieces of `count` bytes in all.
    mutating func finishBytes(count: Int) {
        state = (state ^ UInt64(count)) &* Self.prime
    }

    public mutating func combine(_ value: UInt64) {
        state = (state ^ value) &* Self.prime
    }

    public mutating func combine(_ text: String) {
        var copy = text
        copy.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public func finalize() -> Fingerprint {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Fingerprint(value: z ^ (z >> 31))
    }
}

extension Dataset {
    /// Content hash of the data: names, kinds and values (NaN canonical), independent of the file's
    /// formatting (quoting, line endings, number spelling). - Complexity: O(rows × columns).
    public var fingerprint: Fingerprint {
        var h = ContentHasher()
        h.combine(UInt64(rowCount))
        for column in columns {
            h.combine(column.name)
            h.combine(column.kind.rawValue)
            switch column.data {
            case .numeric(let values):
                for v in values { h.combine(v.isNaN ? 0x7FF8_0000_0000_0001 : (v == 0 ? 0 : v.bitPattern)) }
            case .categorical(let codes, let levels):
                for level in levels { h.combine(level) }
                codes.withUnsafeBytes { h.combine($0) }
            case .text(let texts):
                for t in texts {
                    if let t { h.combine(t) } else { h.combine(0xFFFF_FFFF_FFFF_FFFF) }
                }
            }
        }
        return h.finalize()
    }
}
