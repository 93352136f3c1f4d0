// The transport's one error type: a code to switch on and a message that says what failed and what
// to do. Messages carry the URL with secrets removed, never a header value.

/// A failure to complete an HTTP exchange. HTTP statuses are not errors here: they come back as
/// responses (after the retries the policy allows), for the caller to interpret.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure; new cases may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Kind: String, Sendable {
            case couldNotConnect, connectTimeout, idleTimeout, totalTimeout, connectionLost,
                invalidRequest, transport
        }
        fileprivate let kind: Kind
        /// Nothing accepted the connection (refused, unknown host, unreachable).
        public static let couldNotConnect = Code(kind: .couldNotConnect)
        /// The connection was not established within the connect timeout.
        public static let connectTimeout = Code(kind: .connectTimeout)
        /// No byte arrived for longer than the idle timeout.
        public static let idleTimeout = Code(kind: .idleTimeout)
        /// The whole exchange took longer than the total timeout.
        public static let totalTimeout = Code(kind: .totalTimeout)
        /// The connection broke after the exchange had started (e.g. dropped mid-stream).
        public static let connectionLost = Code(kind: .connectionLost)
        /// The request itself is unusable (bad URL, unsupported scheme).
        public static let invalidRequest = Code(kind: .invalidRequest)
        /// Any other transport failure (TLS, protocol errors).
        public static let transport = Code(kind: .transport)
        public var description: String { kind.rawValue }
    }

    public let code: Code
    /// What failed, why, and what to do next.
    public let message: String
    /// The URL concerned, secrets removed.
    public let url: String
    /// Whether some of the response body had already been delivered to the caller's callback.
    public let bodyDelivered: Bool

    public init(_ code: Code, _ message: String, url: String, bodyDelivered: Bool = false) {
        self.code = code
        self.message = message
        self.url = Redaction.url(url)
        self.bodyDelivered = bodyDelivered
    }

    public var description: String { message }

    /// Whether trying again could succeed without changing the request.
    public var isRetryable: Bool {
        guard !bodyDelivered else { return false }
        return [.couldNotConnect, .connectTimeout, .connectionLost].contains(code)
    }
}
