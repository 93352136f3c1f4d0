// Runs a child process to its end and collects its stdout and stderr, both read at once: a child
// that fills one pipe (64 KiB on Linux) while the parent waits for the other's end would block
// forever, and so would the test. Leaves out: input, pseudo-terminals (ChatTerminalTests has its own).
public import Foundation
import Synchronization

/// What a finished child process printed.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var out: String
    public var err: String
}

/// Runs `executable` with `arguments` in `folder` and waits for it, reading stdout and stderr concurrently.
public func runProcess(
    _ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]? = nil
) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errHandle = err.fileHandleForReading
    let errData = Mutex(Data())
    let errDone = DispatchSemaphore(value: 0)
    Thread {
        let data = errHandle.readDataToEndOfFile()
        errData.withLock { $0 = data }
        errDone.signal()
    }.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errDone.wait()
    process.waitUntilExit()
    return ProcessOutput(
        status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
        err: String(decoding: errData.withLock { $0 }, as: UTF8.self))
}

/// Runs `mlexp` with arguments in a folder; returns its exit status, stdout and stderr.
public func runMLExp(_ arguments: [String], in folder: URL) throws -> (status: Int32, out: String, err: String) {
    let r = try runProcess(try builtExecutable("mlexp"), arguments, in: folder)
    return (r.status, r.out, r.err)
}
