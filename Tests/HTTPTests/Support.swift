// Helpers shared by the HTTP tests: a thread-safe recorder and elapsed-time measurement.
import Foundation
import HTTP

typealias HTTPRetry = RetryPolicy

/// Collects values from any thread.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Value] = []
    func append(_ value: Value) { lock.withLock { items.append(value) } }
    var values: [Value] { lock.withLock { items } }
}

/// Seconds taken by `body`.
func measure(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Waits until `condition` holds, polling every 5 ms, for at most `timeout` seconds.
func waitUntil(timeout: Double = 5, _ condition: () -> Bool) async -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

/// A fast retry policy for tests: short waits, no jitter.
let quickRetry = RetryPolicyFactory.quick

enum RetryPolicyFactory {
    static var quick: HTTPRetry {
        HTTPRetry(maxAttempts: 4, initialDelay: 0.05, maxDelay: 2, maxTotalTime: 10, jitter: 0)
    }
}
