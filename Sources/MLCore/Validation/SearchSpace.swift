// The declared hyper-parameter space a search samples from: integer and real ranges (optionally
// log-uniform) and choices, keyed by the model's parameter name. Codable as plain JSON, e.g.
// {"learningRate": {"type": "double", "low": 0.01, "high": 0.3, "log": true},
//  "maxLeafNodes": {"type": "int", "low": 8, "high": 64}, "loss": {"type": "choice", "values": ["a", "b"]}}.
// Leaves out: conditional parameters (a parameter that only exists for one choice of another).

import Foundation

/// Where one hyper-parameter is sampled from.
public enum ParameterDomain: Sendable, Equatable, Codable {
    case int(low: Int, high: Int, log: Bool)
    case double(low: Double, high: Double, log: Bool)
    case choice([ParameterValue])

    enum Keys: String, CodingKey { case type, low, high, log, values }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let log = try c.decodeIfPresent(Bool.self, forKey: .log) ?? false
        switch try c.decode(String.self, forKey: .type) {
        case "int":
            self = .int(
                low: try c.decode(Int.self, forKey: .low), high: try c.decode(Int.self, forKey: .high), log: log)
        case "double":
            self = .double(
                low: try c.decode(Double.self, forKey: .low), high: try c.decode(Double.self, forKey: .high), log: log)
        case "choice": self = .choice(try c.decode([ParameterValue].self, forKey: .values))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "Unknown parameter type '\(other)'; use int, double or choice.")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .int(let lo, let hi, let log):
            try c.encode("int", forKey: .type); try c.encode(lo, forKey: .low); try c.encode(hi, forKey: .high);
            try c.encode(log, forKey: .log)
        case .double(let lo, let hi, let log):
            try c.encode("double", forKey: .type); try c.encode(lo, forKey: .low); try c.encode(hi, forKey: .high);
            try c.encode(log, forKey: .log)
        case .choice(let v):
            try c.encode("choice", forKey: .type); try c.encode(v, forKey: .values)
        }
    }

    func check(_ name: String) throws(MLError) {
        switch self {
        case .int(let lo, let hi, let log):
            guard lo <= hi, !log || lo > 0 else {
                throw MLError(.invalidParameter, "Search range of \(name) must have low ≤ high (and low > 0 for log).")
            }
        case .double(let lo, let hi, let log):
            guard lo <= hi, lo.isFinite, hi.isFinite, !log || lo > 0 else {
                throw MLError(
                    .invalidParameter, "Search range of \(name) must have finite low ≤ high (and low > 0 for log).")
            }
        case .choice(let v):
            guard !v.isEmpty else { throw MLError(.invalidParameter, "The choices of \(name) are empty.") }
        }
    }

    func sample(_ rng: inout SeededGenerator) -> ParameterValue {
        switch self {
        case .int(let lo, let hi, let log):
            if log {
                let v = Foundation.exp(
                    Foundation.log(Double(lo)) + rng.nextUnit()
                        * (Foundation.log(Double(hi) + 1) - Foundation.log(Double(lo))))
                return .int(min(hi, max(lo, Int(v.rounded(.down)))))
            }
            return .int(lo + rng.nextInt(below: hi - lo + 1))
        case .double(let lo, let hi, let log):
            if log {
                return .double(
                    Foundation.exp(Foundation.log(lo) + rng.nextUnit() * (Foundation.log(hi) - Foundation.log(lo))))
            }
            return .double(lo + rng.nextUnit() * (hi - lo))
        case .choice(let v):
            return v[rng.nextInt(below: v.count)]
        }
    }
}

/// A declared space: parameter name → domain.
public struct SearchSpace: Sendable, Equatable, Codable {
    public var parameters: [String: ParameterDomain]

    public init(_ parameters: [String: ParameterDomain]) { self.parameters = parameters }

    public init(from decoder: any Decoder) throws {
        parameters = try decoder.singleValueContainer().decode([String: ParameterDomain].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(parameters)
    }

    /// `count` distinct seeded configurations (fewer if the space is smaller), in draw order.
    public func sample(_ count: Int, seed: UInt64) throws(MLError) -> [[String: ParameterValue]] {
        guard !parameters.isEmpty else {
            throw MLError(.invalidParameter, "The search space is empty; declare at least one parameter.")
        }
        for (name, d) in parameters { try d.check(name) }
        var rng = SeededGenerator(seed: seed, stream: 0x5EA4C4)
        var out: [[String: ParameterValue]] = [], seen = Set<[String: ParameterValue]>()
        var tries = 0
        let names = parameters.keys.sorted()
        while out.count < count && tries < count * 20 {
            tries += 1
            var config: [String: ParameterValue] = [:]
            for n in names { if let d = parameters[n] { config[n] = d.sample(&rng) } }
            if seen.insert(config).inserted { out.append(config) }
        }
        return out
    }
}
