// Appends transcript lines to a file, one write and one fsync per line, so a crash or Ctrl-C leaves a
// valid prefix of whole lines. Every line passes through the secret scrubber first: the values of the
// environment's key/token/secret variables never reach the disk. Leaves out: what the lines say.

public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a transcript cannot be written or read.
public struct TranscriptError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A transcript file open for appending.
public final class TranscriptWriter: Sendable {
    public let url: URL
    private let fd: Mutex<Int32>
    private let secrets: [String]
    private let failure = Mutex<String?>(nil)

    /// Creates `url` (and its folder); fails when the file already exists.
    /// - Parameter secrets: texts replaced by "[redacted]" wherever they appear in a line.
    public init(url: URL, secrets: [String] = TranscriptSecrets.fromEnvironment()) throws(TranscriptError) {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw TranscriptError(
                "cannot create the transcript folder \(url.deletingLastPathComponent().path): \(error.localizedDescription). "
                    + "Choose another with --transcripts DIR, or turn transcripts off with --no-transcript.")
        }
        let handle = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0o644)
        guard handle >= 0 else {
            throw TranscriptError(
                "cannot create the transcript \(url.path): \(String(cString: strerror(errno))). "
                    + "Choose another folder with --transcripts DIR, or turn transcripts off with --no-transcript.")
        }
        self.url = url
        self.fd = Mutex(handle)
        self.secrets = secrets.filter { $0.count >= 6 }.sorted { $0.count > $1.count }
    }

    /// Opens an existing transcript to go on writing it (a resumed session); a last line cut by a crash
    /// is removed first, so the file stays whole lines.
    public init(appendingTo url: URL, secrets: [String] = TranscriptSecrets.fromEnvironment()) throws(TranscriptError) {
        let handle = open(url.path, O_RDWR | O_APPEND)
        guard handle >= 0 else {
            throw TranscriptError(
                "cannot open the transcript \(url.path) to resume it: \(String(cString: strerror(errno))).")
        }
        if let data = try? Data(contentsOf: url), let last = data.last, last != 0x0A {
            let whole = data.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            _ = ftruncate(handle, off_t(whole))
        }
        self.url = url
        self.fd = Mutex(handle)
        self.secrets = secrets.filter { $0.count >= 6 }.sorted { $0.count > $1.count }
    }

    deinit { close() }

    /// The first write error, if any (writing goes on being attempted; the session is never stopped by it).
    public var error: String? { failure.withLock { $0 } }

    /// Writes one event as a line and forces it to disk.
    public func write(_ event: TranscriptEvent) {
        write(line: event.line)
    }

    /// Writes one raw line (scrubbed) and forces it to disk.
    public func write(line: String) {
        var text = line
        for s in secrets where text.contains(s) { text = text.replacingOccurrences(of: s, with: "[redacted]") }
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        fd.withLock { handle in
            guard handle >= 0 else { return }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return systemWrite(handle, base + offset, buffer.count - offset)
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    let message = String(cString: strerror(errno))
                    failure.withLock { if $0 == nil { $0 = "writing \(url.path) failed: \(message)" } }
                    return
                }
                offset += n
            }
            _ = fsync(handle)
        }
    }

    /// Closes the file (later writes are dropped).
    public func close() {
        fd.withLock { handle in
            if handle >= 0 { _ = fsync(handle); _ = systemClose(handle) }
            handle = -1
        }
    }
}

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
    #else
        Darwin.write(fd, bytes, count)
    #endif
}

private func systemClose(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
        Glibc.close(fd)
    #else
        Darwin.close(fd)
    #endif
}

/// The secret values a transcript must never contain.
public enum TranscriptSecrets {
    /// Names of environment variables holding secrets: API keys, tokens, passwords.
    static func isSecretName(_ name: String) -> Bool {
        let n = name.uppercased()
        return ["KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL"].contains { n.contains($0) }
    }

    /// The values of the secret-looking variables of the environment (six characters or more).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [String]
    {
        environment.filter { isSecretName($0.key) && $0.value.count >= 6 }.map(\.value)
    }
}
