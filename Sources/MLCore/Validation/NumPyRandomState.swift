// NumPy's legacy `RandomState(seed)` stream (MT19937 seeded with init_genrand, doubles from two 32-bit
// draws as `random_sample` makes them), so k-means++ draws, seed for seed, what scikit-learn's KMeans
// draws with `random_state=seed`: the same starting centres, hence the same iterations and result.
// Leaves out: NumPy's other distributions and array seeds (init_by_array); seeds wrap to 32 bits.

/// A source of uniform doubles in [0, 1) (k-means++ takes either generator).
protocol UnitRandom {
    mutating func nextUnit() -> Double
}

extension SeededGenerator: UnitRandom {}

/// MT19937 as NumPy's `RandomState(seed)`: `nextUnit()` is `random_sample()`.
struct NumPyRandomState: UnitRandom {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624

    init(seed: UInt64) {
        var s = UInt32(truncatingIfNeeded: seed)
        for i in 0..<624 {
            state[i] = s
            s = 1_812_433_253 &* (s ^ (s >> 30)) &+ UInt32(i + 1)
        }
    }

    mutating func next32() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// `random_sample()`: 27 + 26 bits of two draws, a double in [0, 1).
    mutating func nextUnit() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    private mutating func twist() {
        for i in 0..<624 {
            let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7fff_ffff)
            state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_b0df)
        }
        index = 0
    }
}
