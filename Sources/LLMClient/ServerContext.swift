// What a server says about its context window and its tokenizer, where it says anything: llama.cpp's
// `GET /props` (n_ctx) and `POST /tokenize`, Ollama's `POST /api/show` (num_ctx, else the model's
// context_length capped at Ollama's default of 4,096). Both live beside the OpenAI API, at the base URL
// without its trailing `/v1`. Each answer is a best effort: nil when the server has no such endpoint.
import Foundation
import HTTP

/// The context window of the model behind an endpoint, and where the figure came from.
public struct ContextWindow: Sendable, Equatable {
    public var tokens: Int
    /// e.g. "llama.cpp /props", "Ollama /api/show".
    public var source: String

    public init(tokens: Int, source: String) {
        self.tokens = tokens
        self.source = source
    }
}

extension OpenAIClient {
    /// The server's root: the base URL without a trailing `/v1`.
    var serverRoot: String {
        var root = configuration.baseURL
        if root.hasSuffix("/v1") { root.removeLast(3) }
        return root
    }

    /// The context window the server runs the model with, when it says.
    public func contextWindow() async -> ContextWindow? {
        if let props = await getJSON(serverRoot + "/props") {
            let settings = props["default_generation_settings"] as? [String: Any]
            if let n = Self.int(settings?["n_ctx"]) ?? Self.int(props["n_ctx"]), n > 0 {
                return ContextWindow(tokens: n, source: "llama.cpp /props")
            }
        }
        let body = Array(StructuredToolCalls.json(["model": configuration.model]).utf8)
        if let show = await postJSON(serverRoot + "/api/show", body: body) {
            let parameters = (show["parameters"] as? String) ?? ""
            if let m = parameters.firstMatch(of: /num_ctx\s+(\d+)/), let n = Int(m.output.1) {
                return ContextWindow(tokens: n, source: "Ollama /api/show num_ctx")
            }
            let info = (show["model_info"] as? [String: Any]) ?? [:]
            if let n = info.first(where: { $0.key.hasSuffix(".context_length") }).flatMap({ Self.int($0.value) }) {
                return ContextWindow(tokens: min(n, 4096), source: "Ollama /api/show (default num_ctx 4096)")
            }
        }
        return nil
    }

    /// The number of tokens of `text` by the server's tokenizer (llama.cpp `/tokenize`), when it has one.
    public func tokenCount(_ text: String) async -> Int? {
        let body = Array(StructuredToolCalls.json(["content": text]).utf8)
        guard let answer = await postJSON(serverRoot + "/tokenize", body: body),
            let tokens = answer["tokens"] as? [Any]
        else { return nil }
        return tokens.count
    }

    private func getJSON(_ url: String) async -> [String: Any]? {
        await json(
            HTTPRequest(method: .get, url: url, headers: configuration.headers(streaming: false), timeouts: quick))
    }

    private func postJSON(_ url: String, body: [UInt8]) async -> [String: Any]? {
        await json(
            HTTPRequest(
                method: .post, url: url, headers: configuration.headers(streaming: false), body: body, timeouts: quick))
    }

    private var quick: HTTPTimeouts { HTTPTimeouts(connect: 5, idle: 30, total: 60) }

    private func json(_ request: HTTPRequest) async -> [String: Any]? {
        guard let response = try? await http.send(request), response.isSuccess else { return nil }
        return OpenAIWire.parseObject(response.text)
    }

    private static func int(_ value: Any?) -> Int? {
        switch value {
        case let n as Int: return n
        case let n as Double: return Int(n)
        case let n as NSNumber: return n.intValue
        default: return nil
        }
    }
}
