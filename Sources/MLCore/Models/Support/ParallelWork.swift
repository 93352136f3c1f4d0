// Runs independent work items on a fixed number of threads (DispatchQueue.concurrentPerform).
// Work is split into static, contiguous chunks, so which item a thread gets never changes results:
// callers keep every reduction in item order, making output identical whatever the thread count.
// Leaves out: work stealing, nested parallelism (a parallel region never starts another).

import Dispatch

/// A value moved into a concurrent region on the caller's promise that threads touch disjoint parts.
struct UnsafeTransfer<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

enum ParallelWork {
    /// Calls `body(range)` for `threads` contiguous chunks of `0..<count` (fewer when count is small).
    /// - Complexity: the cost of `body` over all items, divided by the thread count.
    static func forChunks(
        _ count: Int, threads: Int, minimumPerThread: Int = 1, _ body: (Range<Int>) -> Void
    ) {
        forIndexedChunks(count, threads: threads, minimumPerThread: minimumPerThread) { _, range in body(range) }
    }

    /// How many chunks `forIndexedChunks` (and `forChunks`) cut `count` items into: at most `threads`.
    static func chunkCount(_ count: Int, threads: Int, minimumPerThread: Int = 1) -> Int {
        max(1, min(threads, count / max(1, minimumPerThread)))
    }

    /// Calls `body(chunk, range)` for the chunks of `forChunks`, `chunk` numbering them in item order
    /// (`0..<chunkCount`), so per-chunk results can be reduced in item order.
    static func forIndexedChunks(
        _ count: Int, threads: Int, minimumPerThread: Int = 1, _ body: (Int, Range<Int>) -> Void
    ) {
        let t = chunkCount(count, threads: threads, minimumPerThread: minimumPerThread)
        if t <= 1 {
            if count > 0 { body(0, 0..<count) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let b = UnsafeTransfer(body)
            DispatchQueue.concurrentPerform(iterations: t) { i in
                let lo = count * i / t, hi = count * (i + 1) / t
                if lo < hi { b.value(i, lo..<hi) }
            }
        }
    }

    /// Calls `body(i)` for every `i` in `0..<count`, items spread over `threads` threads in chunks.
    static func forEach(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        forChunks(count, threads: threads) { r in for i in r { body(i) } }
    }

    /// `body(i)` for every item, results returned in item order.
    static func map<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        var out = [T?](repeating: nil, count: count)
        out.withUnsafeMutableBufferPointer { buf in
            let p = UnsafeTransfer(buf)
            forEach(count, threads: threads) { i in p.value[i] = body(i) }
        }
        return out.compactMap { $0 }  // every slot is filled above
    }
}
