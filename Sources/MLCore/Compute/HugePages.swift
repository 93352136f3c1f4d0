// Asks Linux to back a large, freshly reserved array with 2 MiB pages. A column of a million numbers
// is 8 MB: written through 4 KiB pages it takes ~2,000 page faults, each zeroing one page in the
// kernel; with transparent huge pages it takes 4. On this machine (THP in "madvise" mode) that is
// ≈ 15 % of a CSV load's CPU time (benchmarks/RESULTS-csv.md). The advice changes no content: it is
// the same call glibc makes for every large allocation under `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`.
// Arrays from 1 MiB up reserve one huge page of address space more, so that what they write falls in
// aligned 2 MiB ranges (a column of 336k rows, 2.7 MB, otherwise held one huge page one time in three).
// Leaves out: other systems (a no-op), arrays under `threshold` (a huge page would mostly hold zeros).

#if canImport(Glibc)
    import Glibc
#endif

enum HugePages {
    /// Arrays reserving fewer bytes are left alone: below one huge page, 4 KiB pages zero less.
    static let threshold = 1 << 20
    static let size = 2 << 20

    /// Reserves room for `count` elements and advises huge pages for it. Linux gives a huge page only to an
    /// aligned 2 MiB range, and malloc's large blocks are aligned to 4 KiB only: a 2.7 MB column would
    /// hold an aligned range one time in three. So arrays of `threshold` bytes or more reserve one huge
    /// page more than asked (address space only: pages never written cost nothing), which puts every
    /// written byte but the first partial huge page's in aligned ranges.
    static func reserve<T>(_ array: inout [T], _ count: Int) {
        let bytes = count * MemoryLayout<T>.stride
        #if os(Linux)
            guard bytes >= threshold else { return array.reserveCapacity(count) }
            array.reserveCapacity(count + size / max(MemoryLayout<T>.stride, 1))
            advise(&array)
        #else
            array.reserveCapacity(count)
        #endif
    }

    /// Advises huge pages for the whole reserved capacity of `array` (its elements and the room after
    /// them). Call it right after reserving, before the pages are written.
    static func advise<T>(_ array: inout [T]) {
        #if os(Linux)
            let bytes = array.capacity * MemoryLayout<T>.stride
            guard bytes >= threshold else { return }
            // The storage's first element; an empty array that reserved capacity still owns its buffer.
            let start = array.withUnsafeMutableBufferPointer { UnsafeMutableRawPointer($0.baseAddress) }
            guard let start else { return }
            let page = 4096
            let from = (Int(bitPattern: start) + page - 1) / page * page
            let to = (Int(bitPattern: start) + bytes) / page * page
            guard to > from, let aligned = UnsafeMutableRawPointer(bitPattern: from) else { return }
            _ = madvise(aligned, to - from, MADV_HUGEPAGE)
        #endif
    }
}
