// Which ChatModel a session talks to: `--model autopilot`, or an OpenAI-compatible endpoint from
// --model/--base-url, then OPENAI_BASE_URL / OPENAI_API_KEY / OPENAI_MODEL, then the workspace's
// .mlexp/config.json ({"base_url", "model", "temperature"}); with none of them, the Autopilot, and the
// banner says it is a rule-based engine, not an LLM. The API key is read from the environment only:
// never printed, never stored (a config file holding one is refused).

import Agent
import Foundation
import LLMClient
import Languages

/// The model of a session and how to introduce it.
struct ModelChoice {
    let model: any ChatModel
    let isAutopilot: Bool
    /// One line for the user saying what answers them.
    let banner: String
    var temperature: Double?

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The workspace's config file, when present.
    static func configFile(_ workspace: Workspace) throws -> WorkspaceConfig? {
        do { return try WorkspaceConfig.load(workspace: workspace.root) } catch {
            throw Failure(description: error.description)
        }
    }

    static func resolve(
        model flagModel: String?, baseURL flagBaseURL: String?, workspace: Workspace, brief: AutopilotBrief?,
        language: Language, toolCalls flagToolCalls: String? = nil, defaultToolCalls: ToolCallMode = .native,
        environment: [String: String] = ProcessInfo.processInfo.environment, startedAt: Date = Date()
    ) throws -> ModelChoice {
        func autopilot(_ why: String) -> ModelChoice {
            let banner = SessionMessage.autopilotBanner(why: why).text(language)
            return ModelChoice(
                model: Autopilot(brief: brief, language: language, startedAt: startedAt), isAutopilot: true,
                banner: banner)
        }
        if flagModel?.lowercased() == "autopilot" {
            return autopilot(SessionMessage.chosenWithFlag.text(language))
        }
        let config = try configFile(workspace)
        func nonEmpty(_ s: String?) -> String? {
            s.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let baseURL = nonEmpty(flagBaseURL) ?? nonEmpty(environment["OPENAI_BASE_URL"]) ?? nonEmpty(config?.baseURL)
        let hasKey =
            nonEmpty(environment["OPENAI_API_KEY"]) != nil || nonEmpty(environment["OPENAI_API_KEY_FILE"]) != nil
        guard baseURL != nil || hasKey else {
            if let flagModel {
                throw Failure(
                    description:
                        "--model \(flagModel) needs an endpoint: pass --base-url URL (e.g. http://127.0.0.1:8080/v1), or set OPENAI_BASE_URL / OPENAI_API_KEY. Use --model autopilot for the built-in rule-based engine."
                )
            }
            return autopilot(SessionMessage.noEndpoint.text(language))
        }
        let name = nonEmpty(flagModel) ?? nonEmpty(environment["OPENAI_MODEL"]) ?? nonEmpty(config?.model)
        guard let name else {
            throw Failure(
                description:
                    "An endpoint is configured but no model is named: pass --model NAME or set OPENAI_MODEL (`mlexp doctor` lists the server's models)."
            )
        }
        var configuration = try OpenAIConfiguration.resolve(baseURL: baseURL, model: name, environment: environment)
        configuration.toolCallMode = defaultToolCalls
        if let text = nonEmpty(flagToolCalls) ?? nonEmpty(config?.toolCalls) {
            guard let mode = ToolCallMode(flag: text) else {
                throw Failure(description: "--tool-calls must be native, structured or auto, not '\(text)'.")
            }
            configuration.toolCallMode = mode
        }
        let client = OpenAIClient(configuration: configuration)
        return ModelChoice(
            model: client, isAutopilot: false, banner: "Model: \(client.displayName) (LLM)",
            temperature: config?.temperature)
    }
}
