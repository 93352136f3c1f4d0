// The one shape of every error the product raises, in every target: a code to switch on (each target
// has its own code enum), the facts behind it (status, URL, models offered…) and a message a person
// or the agent's model can act on: what failed, why, what to do. Cancellation is its own case of
// every code enum, never an "invalid input".
// Leaves out: the codes (each target's), rendering in another language (the message is English).

/// The code enum of a target's errors: stable raw names, and a case for work stopped on request.
public protocol FailureCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
    /// The work was stopped on request (Ctrl-C) before it finished.
    static var cancelled: Self { get }
}

extension FailureCode {
    public var description: String { rawValue }
}

/// An error: a code, the facts behind it, and the actionable message.
public struct Failure<Code: FailureCode>: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Code
    /// What failed, why, and what to do next.
    public let message: String
    /// The facts the message states, by name, for a caller that acts on them (never a secret).
    public let facts: [String: String]

    public init(_ code: Code, _ message: String, facts: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.facts = facts
    }

    public var description: String { message }

    /// Whether the work was stopped on request rather than failing.
    public var isCancellation: Bool { code == .cancelled }
}
