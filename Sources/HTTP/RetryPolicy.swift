// When and how long to wait before trying a request again: exponential backoff with jitter,
// `Retry-After` honoured, bounded in attempts and in total time. Pure computation, no I/O.
// Jitter uses the system generator on purpose: it exists to de-synchronise clients, and no
// result depends on it.
import Foundation

/// Which failures are retried, how many times, and how long to wait.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included (1 = never retry).
    public var maxAttempts: Int
    /// Wait before the second attempt, in seconds; doubled each time.
    public var initialDelay: Double
    /// Upper bound of one wait, in seconds (a longer `Retry-After` ends the retries instead).
    public var maxDelay: Double
    /// Upper bound of the time spent on all attempts and waits, in seconds.
    public var maxTotalTime: Double
    /// Fraction of each wait drawn at random, ±: 0.2 turns 1 s into 0.8–1.2 s.
    public var jitter: Double
    /// Statuses worth another try: rate limited, server errors that are often transient,
    /// and llama.cpp's 503 while the model loads.
    public var retryStatuses: Set<Int>

    public init(
        maxAttempts: Int = 4, initialDelay: Double = 0.5, maxDelay: Double = 10, maxTotalTime: Double = 60,
        jitter: Double = 0.2, retryStatuses: Set<Int> = [429, 500, 502, 503]
    ) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxTotalTime = maxTotalTime
        self.jitter = jitter
        self.retryStatuses = retryStatuses
    }

    /// Never retry.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed, in seconds.
    /// A `Retry-After` value, when given, replaces the computed backoff (it is not shortened).
    public func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return max(0, retryAfter) }
        let base = min(maxDelay, initialDelay * pow(2, Double(max(0, attempt - 1))))
        let spread = base * jitter
        return max(0, base + (spread > 0 ? Double.random(in: -spread...spread) : 0))
    }

    /// Parses a `Retry-After` header: delta-seconds or an HTTP date (RFC 9110). Nil when unreadable.
    public static func parseRetryAfter(_ value: String?) -> Double? { parseRetryAfter(value, now: Date()) }

    static func parseRetryAfter(_ value: String?, now: Date) -> Double? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

/// Told to an observer before each wait, so a user can see why nothing happens for a while.
public struct RetryNotice: Sendable, Equatable {
    /// The attempt that failed (1-based).
    public var attempt: Int
    /// The wait before the next attempt, in seconds.
    public var delay: Double
    /// The status that caused the retry, or nil for a connection failure.
    public var status: Int?
    /// A short reason ("HTTP 503", "could not connect: …").
    public var reason: String
}
