// A feature's non-missing values in ascending order, held as its sorted non-zero values and a count of zeros:
// the negatives, then the zeros (written +0.0, whatever their sign), then the positives. A TF-IDF term is zero
// in most rows; the binner sorts and walks only the rows that hold it. A zero's sign changes no comparison and
// no midpoint (−0 + x/2 = +0 + x/2), so the edges are those of sorting every value.
// Leaves out: the binning rules (FeatureBinner).

/// Sorted values as non-zeros plus a count of zeros, read by rank without writing the zeros out.
struct SortedColumn {
    /// The non-zero values, ascending.
    let nonZero: [Double]
    /// How many values are zero.
    let zeros: Int
    /// Index in `nonZero` of the first positive value (its count of negatives).
    let firstPositive: Int

    /// From the non-zero values in any order (no NaN, no zero) and the count of zeros.
    /// - Complexity: a radix sort of the non-zero values.
    init(nonZero values: [Double], zeros: Int) {
        nonZero = RadixSort.sorted(values)
        self.zeros = zeros
        firstPositive = nonZero.firstIndex { $0 > 0 } ?? nonZero.count
    }

    /// All values, zeros included.
    var count: Int { nonZero.count + zeros }

    /// The value of rank k (0-based) among all values. - Complexity: O(1).
    @inline(__always)
    subscript(k: Int) -> Double {
        k < firstPositive ? nonZero[k] : k < firstPositive + zeros ? 0 : nonZero[k - zeros]
    }

    /// The runs of equal values in ascending order, (value, how many), stopping once there are `limit`.
    /// - Complexity: O(non-zero values).
    func runs(upTo limit: Int) -> [(value: Double, count: Int)] {
        var runs: [(value: Double, count: Int)] = []
        func add(_ x: Double, _ n: Int) {
            if let last = runs.last, last.value == x {
                runs[runs.count - 1].count += n
            } else {
                runs.append((x, n))
            }
        }
        for x in nonZero[..<firstPositive] {
            add(x, 1)
            if runs.count >= limit { return runs }
        }
        if zeros > 0 { add(0, zeros) }
        for x in nonZero[firstPositive...] {
            if runs.count >= limit { return runs }
            add(x, 1)
        }
        return runs
    }
}
