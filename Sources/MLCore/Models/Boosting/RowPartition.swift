// Splits a leaf's row range in two, stably, in place: rows whose bin goes left first, then the others.
// A 256-entry lookup table replaces the split test; large ranges are cut into chunks that threads
// partition on their own (branch-free) and then copy into place. The result is the unique stable
// partition, so it does not depend on the thread count.
// Leaves out: nothing; the naive twin is `naivePartition`.

enum RowPartition {
    /// Partitions `rows[0..<count]` by `isLeft[bins[row]] != 0` using `scratch[0..<count]`; returns the left count.
    /// Shapes: rows, scratch [count] Int32; bins [allRows] UInt8 (one feature); isLeft [256] UInt8.
    static func partition(
        rows: UnsafeMutablePointer<Int32>, scratch: UnsafeMutablePointer<Int32>, count: Int,
        bins: UnsafePointer<UInt8>, isLeft: UnsafePointer<UInt8>, threads: Int
    ) -> Int {
        let chunks = count >= 65_536 ? max(1, threads) : 1
        if chunks == 1 {
            var wl = 0, ws = 0
            for i in 0..<count {
                let r = rows[i]
                let l = Int(isLeft[Int(bins[Int(r)])])
                rows[wl] = r
                scratch[ws] = r
                wl &+= l
                ws &+= 1 &- l
            }
            (rows + wl).update(from: scratch, count: ws)
            return wl
        }
        // Each chunk [lo, hi) writes its lefts forward from lo and its rights backward from hi − 1 into scratch.
        var leftCounts = [Int](repeating: 0, count: chunks)
        // Chunk c reads rows[lo..<hi] and writes scratch[lo..<hi], then writes its rows' final slots.
        let rowsT = DisjointWrites(rows, count: count), scratchT = DisjointWrites(scratch, count: count)
        let binsT = SharedReads(bins, count: .max), isLeftT = SharedReads(isLeft, count: 256)  // bins: by row number
        leftCounts.withUnsafeMutableBufferPointer { lc in
            let lcp = DisjointWrites(lc)
            Parallel.forEach(chunks, threads: chunks) { c in
                let (rows, scratch, bins, isLeft) = (rowsT.base, scratchT.base, binsT.base, isLeftT.base)
                let lo = count * c / chunks, hi = count * (c + 1) / chunks
                var wl = lo, wr = hi &- 1
                for i in lo..<hi {
                    let r = rows[i]
                    let l = Int(isLeft[Int(bins[Int(r)])])
                    scratch[wl] = r
                    scratch[wr] = r
                    wl &+= l
                    wr &-= 1 &- l
                }
                lcp[c] = wl - lo
            }
        }
        let totalLeft = leftCounts.reduce(0, +)
        var leftStart = [Int](repeating: 0, count: chunks), rightStart = [Int](repeating: 0, count: chunks)
        var accL = 0, accR = totalLeft
        for c in 0..<chunks {
            let lo = count * c / chunks, hi = count * (c + 1) / chunks
            leftStart[c] = accL
            rightStart[c] = accR
            accL += leftCounts[c]
            accR += (hi - lo) - leftCounts[c]
        }
        let counts = leftCounts, lefts = leftStart, rights = rightStart
        Parallel.forEach(chunks, threads: chunks) { c in
            let (rows, scratch) = (rowsT.base, scratchT.base)
            let lo = count * c / chunks, hi = count * (c + 1) / chunks
            let nl = counts[c], nr = (hi - lo) - nl
            (rows + lefts[c]).update(from: scratch + lo, count: nl)
            let dst = rows + rights[c]
            for k in 0..<nr { dst[k] = scratch[hi &- 1 &- k] }
        }
        return totalLeft
    }

    /// Naive twin: a stable filter.
    static func naivePartition(rows: [Int32], bins: [UInt8], isLeft: [Bool]) -> (rows: [Int32], left: Int) {
        let l = rows.filter { isLeft[Int(bins[Int($0)])] }
        return (l + rows.filter { !isLeft[Int(bins[Int($0)])] }, l.count)
    }
}
