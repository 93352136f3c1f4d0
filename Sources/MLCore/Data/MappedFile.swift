// A file's bytes, memory-mapped read-only (or held in memory for in-memory input), with the checks
// that turn "not found", "is a directory" and "cannot read" into clear errors. Readers bring pages in
// a window ahead of them (one madvise per window, on each reader's own thread: mapping a 100 MB file
// at once is 25 ms on one core before any parsing starts); files from 128 MiB are also "released":
// readers drop the pages behind them, so the file does not stay resident beside its columns.
// Leaves out: parsing; files of 4 GiB or more (field offsets are 32-bit).

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only bytes of a file or buffer; the mapping lives as long as this object.
// Unchecked: a raw pointer is never Sendable; the bytes are only read, and prefetch / release are madvise
// hints on disjoint ranges.
final class FileBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// Pages are brought in by `prefetch` (mapped files), and dropped by `release` when `releases` (large ones).
    let windowed: Bool
    let releases: Bool
    /// Bytes a sequential reader brings in at once (a multiple of the page size).
    let window: Int
    private let unmap: () -> Void

    /// Files from this size on are released behind their readers.
    static let windowedFrom = 128 << 20
    private static let pageSize: Int = {
        #if os(Linux)
            return max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
        #else
            return max(4096, Int(getpagesize()))
        #endif
    }()

    private init(
        base: UnsafePointer<UInt8>, count: Int, windowed: Bool = false, releases: Bool = false,
        window: Int = 4 << 20, unmap: @escaping () -> Void
    ) {
        self.base = base
        self.count = count
        self.windowed = windowed
        self.releases = releases
        self.window = max(Self.pageSize, window / Self.pageSize * Self.pageSize)
        self.unmap = unmap
    }

    deinit { unmap() }

    /// Maps the pages of `from..<to` in ahead of a sequential read (windowed files; Linux).
    func prefetch(from: Int, to: Int) {
        #if os(Linux)
            guard windowed else { return }
            let a = from / Self.pageSize * Self.pageSize, b = min(to, count)
            guard b > a else { return }
            // MADV_POPULATE_READ (Linux 5.14+): one call instead of a fault per 64 KiB; older kernels ignore it.
            _ = madvise(UnsafeMutableRawPointer(mutating: base + a), b - a, 22)
        #endif
    }

    /// Drops the pages wholly inside `from..<to` (released files): the bytes stay readable, a later
    /// read faults them back in from the page cache. Safe while other threads read: the mapping is private and never written.
    func release(from: Int, to: Int) {
        guard releases else { return }
        let a = (from + Self.pageSize - 1) / Self.pageSize * Self.pageSize,
            b = min(to, count) / Self.pageSize * Self.pageSize
        guard b > a else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + a), b - a, MADV_DONTNEED)
    }

    /// Runs `body` over `from..<to` window by window (prefetched before, released after; one call when not windowed).
    func sequentially(from: Int, to: Int, _ body: (Int, Int) -> Void) {
        guard windowed else { return body(from, to) }
        var start = from
        while start < to {
            let end = min(to, start + window)
            prefetch(from: start, to: end)
            body(start, end)
            release(from: start, to: end)
            start = end
        }
    }

    /// The content hash of all bytes (`Fingerprint.hash`), window by window for windowed files.
    func fingerprint() -> Fingerprint {
        var h = ContentHasher()
        sequentially(from: 0, to: count) { a, b in h.combineWords(UnsafeRawBufferPointer(start: base + a, count: b - a))
        }
        h.finishBytes(count: count)
        return h.finalize()
    }

    /// Copies `bytes` into an owned buffer (used for in-memory CSV text and tests).
    static func copying(_ bytes: [UInt8]) -> FileBytes {
        let n = max(bytes.count, 1)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        buffer.initialize(repeating: 0, count: n)
        bytes.withUnsafeBufferPointer { b in
            if let src = b.baseAddress { buffer.update(from: src, count: bytes.count) }
        }
        return FileBytes(base: UnsafePointer(buffer), count: bytes.count, unmap: { buffer.deallocate() })
    }

    /// Maps the file at `path`; throws a readable error when it is missing, a directory or unreadable.
    /// Mapped files are read `window` bytes at a time; from `windowedFrom` bytes on, each window is released
    /// behind the reader (tests set both small).
    static func map(path: String, windowedFrom: Int = windowedFrom, window: Int = 4 << 20) throws(MLError) -> FileBytes
    {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ENOENT ? "there is no such file" : String(cString: strerror(errno))
            throw MLError(
                .io, "Cannot read '\(path)': \(reason). Check the path (relative paths start from the current folder).")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw MLError(.io, "'\(path)' is a directory, not a file. Give the path of a CSV file inside it.")
        }
        let size = Int(info.st_size)
        if size >= Int(UInt32.max) {
            throw MLError(
                .unsupported,
                "'\(path)' is \(size / (1 << 20)) MiB; files of 4 GiB or more are not supported yet. Sample it first (e.g. head -n 5000000)."
            )
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw MLError(.io, "Cannot open '\(path)': \(String(cString: strerror(errno))). Check its permissions.")
        }
        defer { close(fd) }
        if size == 0 { return copying([]) }
        // Not MAP_POPULATE: the readers populate their own windows in parallel (FileBytes.prefetch).
        let releases = size >= windowedFrom
        guard let raw = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), raw != MAP_FAILED else {
            throw MLError(.io, "Cannot map '\(path)' into memory: \(String(cString: strerror(errno))).")
        }
        let base = UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self)
        return FileBytes(
            base: base, count: size, windowed: true, releases: releases, window: window, unmap: { munmap(raw, size) })
    }
}
