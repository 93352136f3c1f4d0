// One malloc arena for the whole process. glibc gives each thread that allocates its own arena and never
// gives the top of a thread's arena back (malloc_trim trims only the main one), so the profile's per-column
// scratch (sorted copies, 8 MB a column at 1M rows, built on 2 threads) stayed resident beside the model
// fitted next: `mlexp train` gbdt on a 1M × 20 CSV peaked at 305 MB, 2.00× the float data; with one arena
// the fit reuses those pages (274 MB, 1.79×) at the same speed (measured on train, random forest, gbdt).
// mallopt is looked up at run time (Glibc's Swift module does not export malloc.h). Leaves out: other
// allocators (a no-op where mallopt does not exist).

#if canImport(Glibc)
    import Glibc
#endif

enum HeapArenas {
    /// glibc's M_ARENA_MAX.
    private static let arenaMax: Int32 = -8

    /// Call before any thread allocates (first thing in main).
    static func limitToOne() {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 1)
        #endif
    }
}
