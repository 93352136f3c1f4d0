// What one HTTP exchange asks for: method, URL, headers, body and timeouts. Plain values, no I/O.
// Leaves out: cookies, redirects (never followed), multipart bodies, proxies (libcurl's environment
// variables still apply).

/// An HTTP method.
public enum HTTPMethod: String, Sendable, Equatable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
}

/// One header line. Names compare case-insensitively where it matters (lookup, redaction).
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether the value is a secret that must never be printed (Authorization, API keys, cookies).
    public var isSecret: Bool {
        let lower = name.lowercased()
        return lower == "authorization" || lower == "proxy-authorization" || lower == "cookie"
            || lower.contains("api-key") || lower.contains("apikey") || lower.contains("token")
            || lower.contains("secret")
    }
}

/// Limits on how long an exchange may take, in seconds.
public struct HTTPTimeouts: Sendable, Equatable {
    /// Time to establish the connection (TCP and TLS).
    public var connect: Double
    /// Longest wait without receiving a byte (headers or body), from the start of the request.
    public var idle: Double
    /// Longest time for the whole exchange, body included.
    public var total: Double

    public init(connect: Double = 10, idle: Double = 120, total: Double = 600) {
        self.connect = connect
        self.idle = idle
        self.total = total
    }
}

/// A request. `body` is sent as is; set a Content-Type header for it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: HTTPMethod
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]?
    public var timeouts: HTTPTimeouts

    public init(
        method: HTTPMethod = .get, url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil,
        timeouts: HTTPTimeouts = HTTPTimeouts()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }

    /// The request as it may be shown in a log or an error: method and URL without user info,
    /// header names with secret values masked, body size only.
    public var redactedDescription: String {
        var parts = ["\(method.rawValue) \(Redaction.url(url))"]
        for header in headers {
            parts.append("\(header.name): \(header.isSecret ? "<redacted>" : header.value)")
        }
        if let body { parts.append("body \(body.count) bytes") }
        return parts.joined(separator: "; ")
    }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { redactedDescription }
    public var debugDescription: String { redactedDescription }
    /// `dump()` and debuggers see the redacted form only.
    public var customMirror: Mirror { Mirror(self, children: ["request": redactedDescription]) }
}
