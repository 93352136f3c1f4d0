// The libFuzzer entry point of every fuzz target: MLEXP_FUZZ_TARGET names the target (scripts/fuzz.sh
// sets it), and each input goes to that target's function. A target must never crash, hang or leak on
// any bytes: a thrown error is the expected answer to bad input.
import Foundation

/// The targets, by name (the names `scripts/fuzz.sh --list` prints).
let fuzzTargets: [String: @Sendable ([UInt8]) -> Void] = [
    "csv": FuzzTargets.csv,
    "sse": FuzzTargets.sse,
    "tool-args": FuzzTargets.toolArguments,
    "transcript": FuzzTargets.transcript,
    "config": FuzzTargets.config,
]

let selectedTarget: @Sendable ([UInt8]) -> Void = {
    let name = ProcessInfo.processInfo.environment["MLEXP_FUZZ_TARGET"] ?? ""
    guard let target = fuzzTargets[name] else {
        FileHandle.standardError.write(
            Data(
                "MLEXP_FUZZ_TARGET must be one of: \(fuzzTargets.keys.sorted().joined(separator: ", ")) (got '\(name)').\n"
                    .utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget(bytes)
    return 0
}
