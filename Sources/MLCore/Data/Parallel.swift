// A tiny parallel map over indices on Dispatch's thread pool, used by the CSV reader
// (chunks, then columns). Leaves out: work stealing, cancellation.

import Dispatch

enum Parallel {
    /// `[body(0), …, body(count − 1)]`, computed on up to every core when `parallel` is true.
    /// Each index writes only its own slot, so the unchecked sendability below is sound.
    static func map<T>(_ count: Int, parallel: Bool, _ body: (Int) -> T) -> [T] {
        if !parallel || count <= 1 { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        withoutActuallyEscaping(body) { escapable in
            let box = UncheckedBox(value: (slots, escapable))
            DispatchQueue.concurrentPerform(iterations: count) { i in box.value.0[i] = box.value.1(i) }
        }
        return slots.compactMap { $0 }
    }
}

/// Moves a value the compiler cannot prove Sendable into a concurrent closure.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
}
