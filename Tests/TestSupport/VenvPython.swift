// The test virtualenv's python (MLEXP_TEST_PYTHON, set by scripts/test.sh), for checks that only a
// reference package can make: nbformat validation, nbconvert rendering, the Vega-Lite JSON schema.
// Tests that need it are enabled when it is set or when MLEXP_REQUIRE_INTEGRATION=1 (then its absence
// fails them instead of skipping them).
import Foundation

public enum VenvPython {
    public static var path: String? {
        guard let p = ProcessInfo.processInfo.environment["MLEXP_TEST_PYTHON"], !p.isEmpty,
            FileManager.default.isExecutableFile(atPath: p)
        else { return nil }
        return p
    }

    public static var required: Bool { ProcessInfo.processInfo.environment["MLEXP_REQUIRE_INTEGRATION"] == "1" }

    /// Whether tests that need the venv run at all.
    public static var enabled: Bool { path != nil || required }

    public struct Result: Sendable { public var status: Int32; public var stdout: String; public var stderr: String }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "MLEXP_TEST_PYTHON is not set to the test venv's python; run `make test` (scripts/test.sh) or export it."
        }
    }

    /// Runs `script` (Python source) with `arguments`; the script's exit status says pass or fail.
    /// Waits without holding a thread of the shared test pool (other suites time themselves).
    public static func run(_ script: String, _ arguments: [String] = []) async throws -> Result {
        guard let python = path else { throw Missing() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlexp-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scriptURL = dir.appendingPathComponent("check.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        // Niced, so the reference side never starves the suites that time themselves (HTTP, LLM).
        let nice = "/usr/bin/nice"
        if FileManager.default.isExecutableFile(atPath: nice) {
            p.executableURL = URL(fileURLWithPath: nice)
            p.arguments = ["-n", "15", python, scriptURL.path] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: python)
            p.arguments = [scriptURL.path] + arguments
        }
        // One OpenMP thread: the tests share a small machine, and oversubscribed threads crawl.
        p.environment = ProcessInfo.processInfo.environment.merging(["OMP_NUM_THREADS": "1"]) { _, new in new }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        let launchError = await withCheckedContinuation { (done: CheckedContinuation<(any Error)?, Never>) in
            p.terminationHandler = { _ in done.resume(returning: nil) }
            do {
                try p.run()
            } catch {
                p.terminationHandler = nil
                done.resume(returning: error)
            }
        }
        if let launchError { throw launchError }
        return Result(
            status: p.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
