// A run's out-of-fold predictions as a binary file (BinaryFile.swift), for tables too large for JSON: a
// small JSON header (ids, kinds, class names, counts) and then the arrays. A million-row run writes and
// reads in a fraction of a second, where its JSON would take many seconds and several times the memory.

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
        let file = try BinaryFileWriter(url: url, magic: Self.magic, header: header)
        switch target {
        case .classes(let labels, _): try file.write(labels)
        case .values(let v): try file.write(v)
        case .none: break
        }
        switch outOfFold {
        case .classes(let labels, let p, _):
            try file.write(labels)
            if let p { try file.write(p) }
        case .values(let v): try file.write(v)
        case .clusters(let c): try file.write(c)
        }
        try file.finish()
    }

    /// Reads what `writeBinary` wrote; nil for a missing, truncated or foreign file.
    static func readBinary(from url: URL) -> RunArtifacts? {
        guard var file = BinaryFileReader<Header>(url: url, magic: magic) else { return nil }
        let header = file.header
        let target: TargetValues
        switch header.target {
        case "classes":
            guard let labels = file.read(header.targetRows, as: Int.self) else { return nil }
            target = .classes(labels: labels, classNames: header.classNames)
        case "values":
            guard let v = file.read(header.targetRows, as: Double.self) else { return nil }
            target = .values(v)
        default: return nil
        }
        let prediction: Prediction
        switch header.prediction {
        case "classes":
            guard let labels = file.read(header.rows, as: Int.self) else { return nil }
            var p: [Double]? = nil
            if header.probabilities > 0 {
                guard let read = file.read(header.probabilities, as: Double.self) else { return nil }
                p = read
            }
            prediction = .classes(labels: labels, probabilities: p, classCount: header.classCount)
        case "values":
            guard let v = file.read(header.rows, as: Double.self) else { return nil }
            prediction = .values(v)
        case "clusters":
            guard let c = file.read(header.rows, as: Int.self) else { return nil }
            prediction = .clusters(c)
        default: return nil
        }
        guard file.isAtEnd else { return nil }
        return RunArtifacts(runID: header.runID, datasetID: header.datasetID, target: target, outOfFold: prediction)
    }
}
