// Pearson r of numeric column pairs for the near-copy warning. `pearson` takes one pair over the rows
// where both are present. `withLaterColumns` takes column i against every later column at once: pairs
// where neither column has a missing value reuse each column's sums and take their cross products
// four columns per pass over the rows (independent sums, so the pass is not bound by one addition
// chain); the others go through `pearson`. Every sum runs over the same rows in the same order as in
// `pearson`, so r is the same to the bit. Leaves out: rank correlations.

enum PairCorrelation {
    /// Sum and sum of squares of a column in row order, when it has no missing value.
    struct ColumnSums: Sendable {
        let complete: Bool
        let sum: Double, squares: Double

        init(_ v: [Double]) {
            var s = 0.0, ss = 0.0, complete = true
            v.withUnsafeBufferPointer { v in
                for x in v {
                    if x.isNaN { complete = false }
                    s += x
                    ss += x * x
                }
            }
            (self.complete, sum, squares) = (complete, s, ss)
        }
    }

    /// r of `columns[i]` with `columns[j]` for each j > i, in order (nil where undefined).
    static func withLaterColumns(_ columns: [[Double]], _ i: Int, sums: [ColumnSums]) -> [Double?] {
        let a = columns[i]
        let later = Array((i + 1)..<columns.count)
        var out = later.map { j -> Double? in
            sums[i].complete && sums[j].complete && columns[j].count == a.count ? nil : pearson(a, columns[j])
        }
        let fast = later.indices.filter { k in
            sums[i].complete && sums[later[k]].complete && columns[later[k]].count == a.count
        }
        var start = 0
        while start < fast.count {
            let m = min(4, fast.count - start)
            let group = (0..<4).map { later[fast[start + min($0, m - 1)]] }  // the last column repeats to fill four
            let cross = crossProducts(a, columns[group[0]], columns[group[1]], columns[group[2]], columns[group[3]])
            for t in 0..<m {
                let j = group[t]
                out[fast[start + t]] = r(
                    n: Double(a.count), sa: sums[i].sum, sb: sums[j].sum, saa: sums[i].squares, sbb: sums[j].squares,
                    sab: cross[t])
            }
            start += m
        }
        return out
    }

    /// Σ a·b for four columns b in one pass over the rows, each sum in row order.
    static func crossProducts(_ a: [Double], _ b0: [Double], _ b1: [Double], _ b2: [Double], _ b3: [Double]) -> [Double]
    {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        let n = min(a.count, b0.count, b1.count, b2.count, b3.count)
        a.withUnsafeBufferPointer { a in
            b0.withUnsafeBufferPointer { b0 in
                b1.withUnsafeBufferPointer { b1 in
                    b2.withUnsafeBufferPointer { b2 in
                        b3.withUnsafeBufferPointer { b3 in
                            for r in 0..<n {
                                let x = a[r]
                                s0 += x * b0[r]
                                s1 += x * b1[r]
                                s2 += x * b2[r]
                                s3 += x * b3[r]
                            }
                        }
                    }
                }
            }
        }
        return [s0, s1, s2, s3]
    }

    /// r over the rows where both columns are present, or nil (fewer than 3 rows, or a constant column).
    static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        var n = 0.0, sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for r in 0..<min(a.count, b.count) where !a[r].isNaN && !b[r].isNaN {
                    n += 1
                    sa += a[r]
                    sb += b[r]
                    saa += a[r] * a[r]
                    sbb += b[r] * b[r]
                    sab += a[r] * b[r]
                }
            }
        }
        return r(n: n, sa: sa, sb: sb, saa: saa, sbb: sbb, sab: sab)
    }

    static func r(n: Double, sa: Double, sb: Double, saa: Double, sbb: Double, sab: Double) -> Double? {
        guard n >= 3 else { return nil }
        let va = saa - sa * sa / n, vb = sbb - sb * sb / n
        guard va > 1e-12 * max(saa, 1), vb > 1e-12 * max(sbb, 1) else { return nil }
        return (sab - sa * sb / n) / (va * vb).squareRoot()
    }
}
