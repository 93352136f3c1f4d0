// The transport's entry point: sends a request, retrying as the policy allows, either buffering
// the body or streaming it to a callback; cancelling the calling task stops the transfer within
// milliseconds. Each attempt runs on a thread of its own (CurlTransfer). Leaves out: connection
// pooling, redirects, cookies.
import Foundation

/// Sends HTTP requests over libcurl.
public struct HTTPClient: Sendable {
    public var retry: RetryPolicy
    /// Called before each wait between attempts (e.g. to show "server busy, retrying in 2 s").
    public var onRetry: (@Sendable (RetryNotice) -> Void)?

    public init(retry: RetryPolicy = RetryPolicy(), onRetry: (@Sendable (RetryNotice) -> Void)? = nil) {
        self.retry = retry
        self.onRetry = onRetry
    }

    /// Sends the request and returns the final response with its whole body. A status in the
    /// policy's retry set is retried while attempts and time remain; then it is returned as is.
    /// - Throws: `HTTPError` when no response could be had; `CancellationError` when the task is cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await perform(request, onBody: nil)
    }

    /// Like `send`, but a 2xx body goes to `onBody` chunk by chunk as it arrives (on the transfer's
    /// thread), and the returned response's body is empty. Any other status keeps its body in the
    /// response. Once a byte has gone to `onBody`, a failure is thrown, never retried. When
    /// `onBody` throws, the transfer stops and `stream` rethrows that error.
    public func stream(
        _ request: HTTPRequest, onBody: @escaping @Sendable ([UInt8]) throws -> Void
    ) async throws -> HTTPResponse {
        try await perform(request, onBody: onBody)
    }

    private func perform(
        _ request: HTTPRequest, onBody: (@Sendable ([UInt8]) throws -> Void)?
    ) async throws -> HTTPResponse {
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let outcome = await Self.attempt(request, onBody: onBody)
            let delay: Double
            let notice: RetryNotice
            switch outcome {
            case .cancelled:
                throw CancellationError()
            case .receiverFailed(let error):
                throw error
            case .response(let response):
                guard retry.retryStatuses.contains(response.status), attempt < retry.maxAttempts else {
                    return response
                }
                let retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"))
                delay = retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
                let elapsed = Self.seconds(clock.now - start)
                guard delay <= retry.maxDelay || retryAfter == nil, elapsed + delay <= retry.maxTotalTime else {
                    return response
                }
                notice = RetryNotice(
                    attempt: attempt, delay: delay, status: response.status, reason: "HTTP \(response.status)")
            case .failure(let error):
                guard error.isRetryable, attempt < retry.maxAttempts else { throw error }
                delay = retry.delay(afterAttempt: attempt, retryAfter: nil)
                guard Self.seconds(clock.now - start) + delay <= retry.maxTotalTime else { throw error }
                notice = RetryNotice(attempt: attempt, delay: delay, status: nil, reason: error.message)
            }
            onRetry?(notice)
            try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
            attempt += 1
        }
    }

    /// One attempt on a fresh thread; the task's cancellation reaches the transfer at once.
    private static func attempt(
        _ request: HTTPRequest, onBody: (@Sendable ([UInt8]) throws -> Void)?
    ) async -> AttemptOutcome {
        let transfer = CurlTransfer(request: request, onBody: onBody)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<AttemptOutcome, Never>) in
                let thread = Thread { continuation.resume(returning: transfer.run()) }
                thread.name = "mlexp.http"
                thread.start()
            }
        } onCancel: {
            transfer.cancel()
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
