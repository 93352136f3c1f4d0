// The transport's errors: the product's one error shape (Failure) with the transport's codes, and the
// facts a caller acts on (the URL with secrets removed, whether some of the body was delivered).
// Messages carry the URL with secrets removed, never a header value.

public import Failure

/// A failure to complete an HTTP exchange. HTTP statuses are not errors here: they come back as
/// responses (after the retries the policy allows), for the caller to interpret.
public typealias HTTPError = Failure<HTTPErrorCode>

/// What kind of failure; new cases may be added.
public enum HTTPErrorCode: String, FailureCode {
    /// Nothing accepted the connection (refused, unknown host, unreachable).
    case couldNotConnect
    /// The connection was not established within the connect timeout.
    case connectTimeout
    /// No byte arrived for longer than the idle timeout.
    case idleTimeout
    /// The whole exchange took longer than the total timeout.
    case totalTimeout
    /// The connection broke after the exchange had started (e.g. dropped mid-stream).
    case connectionLost
    /// The request itself is unusable (bad URL, unsupported scheme).
    case invalidRequest
    /// Any other transport failure (TLS, protocol errors).
    case transport
    /// The exchange was stopped on request before it finished.
    case cancelled
}

extension Failure where Code == HTTPErrorCode {
    /// - Parameters:
    ///   - url: the URL concerned; secrets are removed before it is kept.
    ///   - bodyDelivered: whether some of the response body had already reached the caller's callback.
    public init(_ code: HTTPErrorCode, _ message: String, url: String, bodyDelivered: Bool = false) {
        self.init(
            code, message, facts: ["url": Redaction.url(url), "body_delivered": bodyDelivered ? "true" : "false"])
    }

    /// The URL concerned, secrets removed.
    public var url: String { facts["url"] ?? "" }

    /// Whether some of the response body had already been delivered to the caller's callback.
    public var bodyDelivered: Bool { facts["body_delivered"] == "true" }

    /// Whether trying again could succeed without changing the request.
    public var isRetryable: Bool {
        guard !bodyDelivered else { return false }
        return [.couldNotConnect, .connectTimeout, .connectionLost].contains(code)
    }
}
