// Where the tests find data: the shipped datasets/ folder, and the shared data folder holding files
// we may test on but not ship (rotten_tomatoes.csv): $MLEXP_SHARED_DATA, else /work/shared/data.
import Foundation

@testable import MLCore

enum TestData {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func shipped(_ name: String) -> String { repoRoot.appendingPathComponent("datasets/\(name)").path }

    static var sharedFolder: String? {
        let candidates = [ProcessInfo.processInfo.environment["MLEXP_SHARED_DATA"], "/work/shared/data"].compactMap {
            $0
        }
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/rotten_tomatoes.csv") }
    }

    static func load(_ name: String) throws -> Dataset { try Dataset.load(path: shipped(name)) }

    /// A scratch file holding `bytes`, removed by the caller.
    static func file(_ bytes: [UInt8], name: String = "t.csv") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlexp-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func file(_ text: String, name: String = "t.csv") throws -> String { try file(Array(text.utf8), name: name) }

    /// The error message of reading `text` as CSV, or nil when it reads.
    static func errorReading(_ bytes: [UInt8]) -> MLError? {
        do {
            _ = try CSVReader.read(bytes: bytes, name: "bad.csv")
            return nil
        } catch { return error }
    }
}
