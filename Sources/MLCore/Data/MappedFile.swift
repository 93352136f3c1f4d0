// A file's bytes, memory-mapped read-only (or held in memory for in-memory input), with the checks
// that turn "not found", "is a directory" and "cannot read" into clear errors.
// Leaves out: parsing; files of 4 GiB or more (field offsets are 32-bit).

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only bytes of a file or buffer; the mapping lives as long as this object.
final class FileBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    private let release: () -> Void

    private init(base: UnsafePointer<UInt8>, count: Int, release: @escaping () -> Void) {
        self.base = base
        self.count = count
        self.release = release
    }

    deinit { release() }

    /// Copies `bytes` into an owned buffer (used for in-memory CSV text and tests).
    static func copying(_ bytes: [UInt8]) -> FileBytes {
        let n = max(bytes.count, 1)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        buffer.initialize(repeating: 0, count: n)
        bytes.withUnsafeBufferPointer { b in
            if let src = b.baseAddress { buffer.update(from: src, count: bytes.count) }
        }
        return FileBytes(base: UnsafePointer(buffer), count: bytes.count, release: { buffer.deallocate() })
    }

    /// Maps the file at `path`; throws a readable error when it is missing, a directory or unreadable.
    static func map(path: String) throws(MLError) -> FileBytes {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ENOENT ? "there is no such file" : String(cString: strerror(errno))
            throw MLError(.io, "Cannot read '\(path)': \(reason). Check the path (relative paths start from the current folder).")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw MLError(.io, "'\(path)' is a directory, not a file. Give the path of a CSV file inside it.")
        }
        let size = Int(info.st_size)
        if size >= Int(UInt32.max) {
            throw MLError(.unsupported, "'\(path)' is \(size / (1 << 20)) MiB; files of 4 GiB or more are not supported yet. Sample it first (e.g. head -n 5000000).")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw MLError(.io, "Cannot open '\(path)': \(String(cString: strerror(errno))). Check its permissions.")
        }
        defer { close(fd) }
        if size == 0 { return copying([]) }
        // Linux: populate the whole mapping at once (the reader reads every byte; one call is far
        // cheaper than a page fault per 64 KiB).
        #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
        #else
            let flags = MAP_PRIVATE
        #endif
        guard let raw = mmap(nil, size, PROT_READ, flags, fd, 0), raw != MAP_FAILED else {
            throw MLError(.io, "Cannot map '\(path)' into memory: \(String(cString: strerror(errno))).")
        }
        let base = UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self)
        return FileBytes(base: base, count: size, release: { munmap(raw, size) })
    }
}
