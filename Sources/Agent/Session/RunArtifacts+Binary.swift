// A run's out-of-fold predictions as a binary file, for tables too large for JSON: a small JSON header
// (ids, kinds, class names, counts) and then the arrays' raw bytes, little-endian as in memory. A
// million-row run writes and reads in a fraction of a second, where its JSON would take many seconds and
// several times the memory. Leaves out: other byte orders (a workspace stays on the machine that wrote it).

import Foundation
import MLCore

extension RunArtifacts {
    /// What the header says about the arrays that follow it.
    private struct Header: Codable {
        var runID: String
        var datasetID: String
        /// "classes" or "values" (a clustering's target, "none", is never large enough to come here).
        var target: String
        var classNames: [String]
        var targetRows: Int
        /// "classes", "values" or "clusters".
        var prediction: String
        var rows: Int
        var classCount: Int
        var probabilities: Int
    }

    private static let magic = Data("MLEXP-OOF 1\n".utf8)

    /// Writes the binary form to `url` through a temporary file renamed into place.
    func writeBinary(to url: URL) throws {
        var header = Header(
            runID: runID, datasetID: datasetID, target: "values", classNames: [], targetRows: target.count,
            prediction: "values", rows: outOfFold.count, classCount: 0, probabilities: 0)
        switch target {
        case .classes(_, let names):
            header.target = "classes"
            header.classNames = names
        case .values: break
        case .none: throw CocoaError(.fileWriteUnknown)
        }
        switch outOfFold {
        case .classes(_, let p, let k):
            header.prediction = "classes"
            header.classCount = k
            header.probabilities = p?.count ?? 0
        case .values: break
        case .clusters: header.prediction = "clusters"
        }
        let temporary = url.appendingPathExtension("partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        var renamed = false
        defer {
            try? handle.close()
            if !renamed { try? FileManager.default.removeItem(at: temporary) }  // a failed write leaves no part
        }
        let json = try JSONEncoder().encode(header)
        try handle.write(contentsOf: Self.magic)
        try handle.write(contentsOf: withUnsafeBytes(of: UInt64(json.count).littleEndian) { Data($0) })
        try handle.write(contentsOf: json)
        func write<T>(_ array: [T]) throws {
            try array.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0 else { return }
                try handle.write(
                    contentsOf: Data(
                        bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none))
            }
        }
        switch target {
        case .classes(let labels, _): try write(labels)
        case .values(let v): try write(v)
        case .none: break
        }
        switch outOfFold {
        case .classes(let labels, let p, _):
            try write(labels)
            if let p { try write(p) }
        case .values(let v): try write(v)
        case .clusters(let c): try write(c)
        }
        try handle.close()
        // rename(2) replaces an earlier copy atomically (FileManager's replaceItemAt needs one to exist).
        guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        renamed = true
    }

    /// Reads what `writeBinary` wrote; nil for a missing, truncated or foreign file.
    static func readBinary(from url: URL) -> RunArtifacts? {
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
        offset += length
        func read<T>(_ count: Int, as: T.Type) -> [T]? {
            let bytes = count * MemoryLayout<T>.stride
            guard count >= 0, data.count >= offset + bytes else { return nil }
            let out = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                data.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + bytes)]))
                }
                initialized = count
            }
            offset += bytes
            return out
        }
        let target: TargetValues
        switch header.target {
        case "classes":
            guard let labels = read(header.targetRows, as: Int.self) else { return nil }
            target = .classes(labels: labels, classNames: header.classNames)
        case "values":
            guard let v = read(header.targetRows, as: Double.self) else { return nil }
            target = .values(v)
        default: return nil
        }
        let prediction: Prediction
        switch header.prediction {
        case "classes":
            guard let labels = read(header.rows, as: Int.self) else { return nil }
            var p: [Double]? = nil
            if header.probabilities > 0 {
                guard let read = read(header.probabilities, as: Double.self) else { return nil }
                p = read
            }
            prediction = .classes(labels: labels, probabilities: p, classCount: header.classCount)
        case "values":
            guard let v = read(header.rows, as: Double.self) else { return nil }
            prediction = .values(v)
        case "clusters":
            guard let c = read(header.rows, as: Int.self) else { return nil }
            prediction = .clusters(c)
        default: return nil
        }
        guard offset == data.count else { return nil }
        return RunArtifacts(runID: header.runID, datasetID: header.datasetID, target: target, outOfFold: prediction)
    }
}
