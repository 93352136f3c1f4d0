import Foundation

// Crash-safe file replacement and a cross-process lock. A file is replaced by writing a temporary
// file next to it, fsyncing it, renaming it over the old one and fsyncing the folder, so a reader
// (or a process restarted after a crash) sees either the old content or the new, never a mix.
// Leaves out: Windows (POSIX calls only).
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum AtomicFile {
    /// Replaces `path` with `data` atomically and durably.
    static func write(_ data: Data, to path: String) throws(TrackingError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary =
            (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("create", temporary) }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let closed = close(fd) == 0
        guard ok, closed else {
            let error = failure("write", temporary)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("rename over", path)
            unlink(temporary)
            throw error
        }
        // The rename itself is durable only once the folder's entry is flushed.
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }

    /// Deletes temporary files an earlier writer of `path` left behind when it was killed.
    /// Call it only while holding the lock that serialises writers of `path`.
    static func removeStale(for path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = ".\((path as NSString).lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            unlink((folder.isEmpty ? "." : folder) + "/" + name)
        }
    }

    private static func failure(_ step: String, _ path: String) -> TrackingError {
        TrackingError(
            .io,
            "Cannot \(step) \(path): \(String(cString: strerror(errno))). Check the folder is writable and the disk has space."
        )
    }
}

/// `write(2)` under a name that does not clash with Foundation's methods.
@inline(__always)
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// An exclusive advisory lock on a file (flock), held while a closure runs; other processes wait.
enum FileLock {
    static func withLock<T>(_ path: String, _ body: () throws(TrackingError) -> T) throws(TrackingError) -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw TrackingError(.io, "Cannot open the lock file \(path): \(String(cString: strerror(errno))).")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw TrackingError(.io, "Cannot lock \(path): \(String(cString: strerror(errno))).")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
