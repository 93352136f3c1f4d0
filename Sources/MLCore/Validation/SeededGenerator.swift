// All randomness in the core comes from this generator, seeded explicitly and passed down.
// SplitMix64: tiny, fast, statistically solid for simulation, and identical on every platform.

import Foundation

/// A seeded, platform-independent random number generator (SplitMix64).
public struct SeededGenerator: RandomNumberGenerator, Sendable, Codable, Equatable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for a sub-task (a tree, a fold, a repeat) that does not depend on the order tasks run in.
    /// The stream number goes through SplitMix64's output hash first: SplitMix64 states advance by a fixed
    /// constant, so seeding stream s at `seed ^ s·constant` made stream s + 1 a copy of stream s one draw
    /// later (a forest's bootstrap samples were shifted copies of one another).
    public init(seed: UInt64, stream: UInt64) {
        var hash = SeededGenerator(seed: stream)
        var g = SeededGenerator(seed: seed ^ hash.next())
        _ = g.next()
        self = g
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in `0..<bound` (bound > 0), without modulo bias.
    public mutating func nextInt(below bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }

    /// A standard normal draw (Box–Muller).
    public mutating func nextGaussian() -> Double {
        var u = nextUnit()
        while u <= .leastNonzeroMagnitude { u = nextUnit() }
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * nextUnit())
    }

    /// A uniform sample of `k` of the indices `0..<n` without replacement, ascending (all of them when k ≥ n).
    /// - Complexity: O(n) (a partial Fisher–Yates shuffle).
    public mutating func sampleIndices(_ k: Int, of n: Int) -> [Int] {
        guard k < n else { return Array(0..<n) }
        var all = Array(0..<n)
        for i in 0..<max(k, 0) { all.swapAt(i, Int.random(in: i..<n, using: &self)) }
        return Array(all.prefix(max(k, 0))).sorted()
    }
}
