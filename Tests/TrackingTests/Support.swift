// Test support: the TrackingStress child process (built next to the test binary) started, read line
// by line, and killed. Scratch folders, the sample run and the built executables are in TestSupport.
import Foundation
import TestSupport
import Testing

@testable import Tracking

func stressExecutable() throws -> URL { try builtExecutable("TrackingStress") }

/// A running TrackingStress child whose stdout is read line by line.
final class StressChild {
    let process = Process()
    private let pipe = Pipe()
    private var buffer = Data()
    private(set) var lines: [String] = []

    init(_ arguments: [String]) throws {
        process.executableURL = try stressExecutable()
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        try process.run()
    }

    /// Reads until `count` lines arrived or the child closed its output.
    func waitForLines(_ count: Int) {
        while lines.count < count {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
    }

    /// SIGKILL, then collect whatever full lines it had written.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        waitForLines(Int.max)
    }

    /// Waits for a normal exit and reads everything.
    func finish() -> Int32 {
        waitForLines(Int.max)
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// FNV-1a 64 in hex, as TrackingStress writes it next to each blob.
func fnv1a(_ data: Data) -> String {
    String(data.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16)
}
