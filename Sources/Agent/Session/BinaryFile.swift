// The one way the session writes and reads its large binary files (out-of-fold predictions, sealed test
// rows): a magic line, a JSON header whose length comes first, then arrays' raw bytes, little-endian as
// in memory. Written through a temporary file renamed into place, so a crash or a full disk leaves
// either the old file or none, never a partial one; read from a mapped file, each array checked
// against the bytes left. Leaves out: other byte orders (a workspace stays on the machine that wrote it).

import Foundation

/// Writes one binary file: the header, then arrays appended in the order the reader expects them.
struct BinaryFileWriter {
    private let handle: FileHandle
    private let temporary: URL
    private let url: URL
    private var finished = false

    /// Starts `url` (through `url.partial`) with `magic` and the JSON of `header`.
    init(url: URL, magic: Data, header: some Encodable) throws {
        self.url = url
        temporary = url.appendingPathExtension("partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = try FileHandle(forWritingTo: temporary)
        do {
            let json = try JSONEncoder().encode(header)
            try handle.write(contentsOf: magic)
            try handle.write(contentsOf: withUnsafeBytes(of: UInt64(json.count).littleEndian) { Data($0) })
            try handle.write(contentsOf: json)
        } catch {
            abandon()
            throw error
        }
    }

    /// Appends the raw bytes of `array` (no copy of its storage).
    func write<T>(_ array: [T]) throws {
        do {
            try array.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0 else { return }
                try handle.write(
                    contentsOf: Data(
                        bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none))
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Closes the file and renames it into place (rename(2) replaces an earlier copy atomically).
    func finish() throws {
        do {
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            abandon()
            throw error
        }
    }

    /// Removes the partial file after a failed write.
    private func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}

/// Reads what `BinaryFileWriter` wrote: the header, then each array in turn.
struct BinaryFileReader<Header: Decodable> {
    /// The file's decoded header.
    let header: Header
    private let data: Data
    private var offset: Int

    /// Opens `url` (mapped) and decodes its header; nil for a missing, foreign or truncated file.
    init?(url: URL, magic: Data) {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped), data.starts(with: magic) else {
            return nil
        }
        var offset = magic.count
        guard data.count >= offset + 8 else { return nil }
        let length = data.subdata(in: offset..<(offset + 8)).withUnsafeBytes {
            Int(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)))
        }
        offset += 8
        guard length >= 0, data.count >= offset + length,
            let header = try? JSONDecoder().decode(Header.self, from: data.subdata(in: offset..<(offset + length)))
        else { return nil }
        self.header = header
        self.data = data
        self.offset = offset + length
    }

    /// The next `count` values of type `T`; nil when the file holds fewer bytes.
    mutating func read<T>(_ count: Int, as: T.Type) -> [T]? {
        let bytes = count * MemoryLayout<T>.stride
        guard count >= 0, data.count >= offset + bytes else { return nil }
        let start = offset
        let out = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + bytes)]))
            }
            initialized = count
        }
        offset += bytes
        return out
    }

    /// Whether every byte of the file was read (a longer file is not what the header describes).
    var isAtEnd: Bool { offset == data.count }
}
