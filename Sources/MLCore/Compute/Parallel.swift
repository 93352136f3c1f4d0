// The one parallel helper of MLCore: runs independent work items on a fixed number of threads
// (DispatchQueue.concurrentPerform). Work is split into static, contiguous chunks, so which item a thread
// gets never changes results: callers keep every reduction in item order, making output identical whatever
// the thread count. Every body is `@Sendable`, so the compiler checks what it captures: values, arrays,
// and memory only through `SharedReads` (read by all chunks) and `DisjointWrites` (each chunk writes its
// own slots), the two hand-offs of memory declared in ParallelMemory.swift.
// Leaves out: work stealing, nested parallelism (a parallel region never starts another), cancellation
// (the callers' loops poll `Cancellation.check()` between regions).

import Dispatch

enum Parallel {
    /// How many chunks `forIndexedChunks` (and `forChunks`) cut `count` items into: at most `threads`.
    static func chunkCount(_ count: Int, threads: Int, minimumPerThread: Int = 1) -> Int {
        max(1, min(threads, count / max(1, minimumPerThread)))
    }

    /// Calls `body(chunk, range)` for `chunkCount` contiguous chunks of `0..<count`, `chunk` numbering them in
    /// item order (`0..<chunkCount`), so per-chunk results can be reduced in item order. One chunk runs inline.
    /// - Complexity: the cost of `body` over all items, divided by the thread count.
    static func forIndexedChunks(
        _ count: Int, threads: Int, minimumPerThread: Int = 1, _ body: @Sendable (Int, Range<Int>) -> Void
    ) {
        let t = chunkCount(count, threads: threads, minimumPerThread: minimumPerThread)
        if t <= 1 {
            if count > 0 { body(0, 0..<count) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: t) { i in
            let lo = count * i / t, hi = count * (i + 1) / t
            if lo < hi { body(i, lo..<hi) }
        }
    }

    /// Calls `body(range)` for the chunks of `forIndexedChunks`.
    static func forChunks(
        _ count: Int, threads: Int, minimumPerThread: Int = 1, _ body: @Sendable (Range<Int>) -> Void
    ) {
        forIndexedChunks(count, threads: threads, minimumPerThread: minimumPerThread) { _, range in body(range) }
    }

    /// Calls `body(i)` for every `i` in `0..<count`, items spread over `threads` threads in chunks.
    static func forEach(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
        forChunks(count, threads: threads) { r in for i in r { body(i) } }
    }

    /// `[body(0), …, body(count − 1)]`, items spread over `threads` threads in chunks.
    static func map<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        var out = [T?](repeating: nil, count: count)
        out.withUnsafeMutableBufferPointer { buf in
            let slots = DisjointWrites(buf)
            forChunks(count, threads: threads) { r in for i in r { slots[i] = body(i) } }
        }
        return out.map { $0! }  // every slot is filled above
    }

    /// `[body(0), …, body(count − 1)]` on one thread per item (up to every core) when `parallel` is true:
    /// for a few large items (CSV chunks, columns).
    static func map<T: Sendable>(_ count: Int, parallel: Bool, _ body: @Sendable (Int) -> T) -> [T] {
        if !parallel || count <= 1 { return (0..<count).map(body) }
        var out = [T?](repeating: nil, count: count)
        out.withUnsafeMutableBufferPointer { buf in
            let slots = DisjointWrites(buf)
            DispatchQueue.concurrentPerform(iterations: count) { i in slots[i] = body(i) }
        }
        return out.map { $0! }
    }
}
