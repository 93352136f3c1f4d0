// Turns what went wrong on the wire into an LLMError a person can act on: which server, what it
// said, and the fix for the known causes (server not started, key, model name, tool-calling flags
// of vLLM / llama.cpp / Ollama, context size). The key is scrubbed from any text a server echoes.
import HTTP

enum ErrorDiagnosis {
    /// A transport failure (no HTTP status).
    static func transport(_ error: HTTPError, baseURL: String) -> LLMError {
        let shown = Redaction.url(baseURL)
        switch error.code {
        case .couldNotConnect:
            return LLMError(
                .notListening,
                "Nothing is listening at \(shown) (\(error.message)) Start your server or set OPENAI_BASE_URL (or --base-url) to the URL it listens on."
            )
        case .connectTimeout:
            return LLMError(
                .notListening,
                "\(shown) did not accept a connection in time (\(error.message)) Check that the server is up and reachable, or set OPENAI_BASE_URL."
            )
        case .idleTimeout, .totalTimeout:
            return LLMError(.timeout, error.message)
        case .connectionLost:
            return LLMError(
                .streamInterrupted, "\(error.message) Try again; if it keeps happening, check the server's log.")
        case .invalidRequest:
            return LLMError(
                .configuration, "\(error.message) Set OPENAI_BASE_URL to a URL like http://127.0.0.1:8080/v1.")
        default:
            return LLMError(.streamInterrupted, error.message)
        }
    }

    /// A non-2xx response. `sentTools` says whether the request defined tools (for the 400 hints).
    static func status(
        _ response: HTTPResponse, url: String, model: String, sentTools: Bool, hadKey: Bool, key: APIKey?
    ) -> LLMError {
        let status = response.status
        let wire = OpenAIWire.decodeError(response.body)
        let said = scrub(wire?.message ?? "no message", key: key)
        let lower = said.lowercased()
        let code = wire?.code?.lowercased() ?? ""
        let type = wire?.type?.lowercased() ?? ""
        let shown = Redaction.url(url)
        let quote = "\(status): \(said)"

        if status == 401 || status == 403 {
            let fix =
                hadKey
                ? "Check OPENAI_API_KEY (or the key file): the server rejected it."
                : "The server wants an API key: set OPENAI_API_KEY (or OPENAI_API_KEY_FILE)."
            return LLMError(.unauthorized, "\(shown) refused the request (\(quote)). \(fix)", status: status)
        }
        if code == "context_length_exceeded" || type.contains("exceed_context") || lower.contains("context length")
            || lower.contains("context size") || lower.contains("context window") || lower.contains("maximum context")
            || (lower.contains("context") && (lower.contains("exceed") || lower.contains("too long")))
        {
            return LLMError(
                .contextLengthExceeded,
                "The conversation does not fit in the model's context (\(quote)). Shorten it (fewer or smaller tool results), or give the server a larger context (llama.cpp: --ctx-size; vLLM: --max-model-len).",
                status: status)
        }
        if status == 404 && (code == "model_not_found" || lower.contains("model")) {
            return LLMError(
                .modelNotFound,
                "The server at \(shown) has no model '\(model)' (\(quote)). Set OPENAI_MODEL (or --model) to one it offers.",
                status: status)
        }
        if status == 404 {
            return LLMError(
                .badRequest,
                "\(shown) answered 404 (\(said)). Is the base URL right? OpenAI-compatible servers usually serve it under /v1 (e.g. http://127.0.0.1:8080/v1).",
                status: status)
        }
        if sentTools && (400..<500).contains(status) || lower.contains("jinja") || lower.contains("tool-call-parser")
            || lower.contains("auto-tool-choice")
        {
            if lower.contains("tool") || lower.contains("function") || lower.contains("jinja") {
                return LLMError(
                    .toolsRejected,
                    "The server refused the tool definitions (\(quote)). Known causes: vLLM needs --enable-auto-tool-choice --tool-call-parser <parser for the model>; llama.cpp's server needs --jinja (and a chat template with tool support); Ollama needs a model whose template supports tools.",
                    status: status)
            }
        }
        if status == 429 {
            return LLMError(
                .rateLimited,
                "\(shown) is rate limiting the requests (\(quote)), still after the retries. Wait a minute and try again, or lower the request rate.",
                status: status)
        }
        if status == 503 && lower.contains("loading") {
            return LLMError(
                .serverError,
                "The server at \(shown) is still loading the model (\(quote)). Wait until it is ready and try again.",
                status: status)
        }
        if status >= 500 {
            return LLMError(
                .serverError,
                "The server at \(shown) failed (\(quote)), still after the retries. Check its log; try again later.",
                status: status)
        }
        return LLMError(.badRequest, "The server at \(shown) rejected the request (\(quote)).", status: status)
    }

    static func scrub(_ text: String, key: APIKey?) -> String {
        key?.scrub(text) ?? text
    }
}
