// One malloc arena for the whole process. glibc gives each thread that allocates its own arena and never
// gives the top of a thread's arena back (malloc_trim trims only the main one), so the profile's per-column
// scratch (sorted copies, 8 MB a column at 1M rows, built on 2 threads) stayed resident beside the model
// fitted next: `mlexp train` gbdt on a 1M × 20 CSV peaked at 305 MB, 2.00× the float data; with one arena
// the fit reuses those pages (274 MB, 1.79×) at the same speed (measured on train, random forest, gbdt).
// Blocks of 1 MiB and more are mapped on their own (a fixed M_MMAP_THRESHOLD, which also stops glibc from
// raising the threshold to 32 MiB after the first large free): a freed column-sized array (a fold's row
// list, a profile's sorted copy) goes back to the system at once instead of staying in the heap as a hole
// that smaller blocks pin. In a 5,000,000 × 20 session the logistic fits then start from 1.11 GB resident
// instead of 1.35 GB, with the same data alive.
// mallopt is looked up at run time (Glibc's Swift module does not export malloc.h). Leaves out: other
// allocators (a no-op where mallopt does not exist).

#if canImport(Glibc)
    import Glibc
#endif

enum HeapArenas {
    /// glibc's M_ARENA_MAX and M_MMAP_THRESHOLD.
    private static let arenaMax: Int32 = -8
    private static let mmapThreshold: Int32 = -3
    /// Blocks from this size on are mapped (and unmapped when freed).
    static let mappedFrom: Int32 = 1 << 20

    /// Call before any thread allocates (first thing in main).
    static func limitToOne() {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(arenaMax, 1)
            _ = mallopt(mmapThreshold, mappedFrom)
        #endif
    }
}
