// The two ways memory crosses into a `Parallel` region, and the only unchecked sendability of MLCore's
// compute code. `SharedReads` is memory every chunk reads and none writes while the region runs;
// `DisjointWrites` is memory each chunk writes at slots no other chunk touches (its own rows, its own
// chunk's buffer). Both are views: the caller owns the memory and keeps it alive across the region.
// Leaves out: checking disjointness at run time (debug builds check bounds only).

/// Memory that every chunk of a parallel region reads and none writes.
// Unchecked: a raw pointer is never Sendable; the region only reads it while the caller keeps it alive.
struct SharedReads<T>: @unchecked Sendable {
    let base: UnsafePointer<T>
    let count: Int
    init(_ buffer: UnsafeBufferPointer<T>) {
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!
        count = buffer.count
    }
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.init(UnsafeBufferPointer(buffer)) }
    init(_ pointer: UnsafePointer<T>, count: Int) {
        base = pointer
        self.count = count
    }
    init(_ pointer: UnsafeMutablePointer<T>, count: Int) { self.init(UnsafePointer(pointer), count: count) }

    @inline(__always) subscript(i: Int) -> T {
        assert(i >= 0 && i < count)
        return base[i]
    }
    /// The memory as a buffer, for kernels that take one.
    var buffer: UnsafeBufferPointer<T> { UnsafeBufferPointer(start: base, count: count) }
}

/// Memory that the chunks of a parallel region write, each at slots no other chunk reads or writes.
// Unchecked: a raw pointer is never Sendable; each chunk writes only its own slots (not checked).
struct DisjointWrites<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int
    init(_ buffer: UnsafeMutableBufferPointer<T>) {
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<T>.alignment)!
        count = buffer.count
    }
    init(_ pointer: UnsafeMutablePointer<T>, count: Int) {
        base = pointer
        self.count = count
    }

    @inline(__always) subscript(i: Int) -> T {
        get {
            assert(i >= 0 && i < count)
            return base[i]
        }
        nonmutating set {
            assert(i >= 0 && i < count)
            base[i] = newValue
        }
    }
    /// The memory as a buffer, for kernels that take one.
    var buffer: UnsafeMutableBufferPointer<T> { UnsafeMutableBufferPointer(start: base, count: count) }
    /// The slots of `range`, for a chunk that owns them.
    func slice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<T> {
        assert(range.lowerBound >= 0 && range.upperBound <= count)
        return UnsafeMutableBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}
