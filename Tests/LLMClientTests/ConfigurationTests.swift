// Configuration from flags and the conventional environment variables, the key file, and the
// guarantee that no description or dump shows the key.
import Foundation
import HTTP
import Testing

@testable import LLMClient

@Suite struct ConfigurationTests {
    @Test func environmentVariablesAreRead() throws {
        let config = try OpenAIConfiguration.resolve(environment: [
            "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1/", "OPENAI_MODEL": "gemma", "OPENAI_API_KEY": "sk-env\n",
        ])
        #expect(config.baseURL == "http://127.0.0.1:8080/v1")
        #expect(config.model == "gemma")
        #expect(config.apiKey?.value == "sk-env")
    }

    @Test func flagsWinOverTheEnvironmentAndDefaultsApply() throws {
        let config = try OpenAIConfiguration.resolve(
            baseURL: "http://h/v1", model: "flag", environment: ["OPENAI_MODEL": "env"])
        #expect(config.baseURL == "http://h/v1")
        #expect(config.model == "flag")
        #expect(config.apiKey == nil)
        #expect(try OpenAIConfiguration.resolve(environment: [:]).baseURL == OpenAIConfiguration.defaultBaseURL)
    }

    @Test func aKeyFileIsReadAndAMissingOneExplained() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mlexp-key-\(UUID().uuidString)").path
        try "sk-from-file\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            try OpenAIConfiguration.resolve(environment: ["OPENAI_API_KEY_FILE": path]).apiKey?.value == "sk-from-file")
        #expect(
            try OpenAIConfiguration.resolve(apiKeyFile: path, environment: ["OPENAI_API_KEY": "sk-env"]).apiKey?.value
                == "sk-from-file")
        #expect(throws: LLMError.self) {
            try OpenAIConfiguration.resolve(apiKeyFile: path + ".missing", environment: [:])
        }
    }

    @Test func noTextFormOfTheConfigurationShowsTheKey() throws {
        let secret = "sk-never-show-me-123"
        let config = OpenAIConfiguration(
            baseURL: "http://h/v1", model: "m", apiKey: APIKey(secret), extraHeaders: [HTTPHeader("api-key", secret)])
        var dumped = ""
        dump(config, to: &dumped)
        var dumpedClient = ""
        let client = OpenAIClient(configuration: config)
        dump(client, to: &dumpedClient)
        for text in [
            config.description, "\(config)", String(reflecting: config), dumped, dumpedClient,
            String(describing: config.apiKey as Any), client.displayName,
        ] {
            #expect(!text.contains(secret), "leaked: \(text)")
        }
        #expect(config.description.contains("key=set"))
        let withUser = OpenAIConfiguration(baseURL: "https://me:\(secret)@h/v1", model: "m")
        #expect(withUser.redactedBaseURL == "https://h/v1")
        #expect(!withUser.description.contains(secret))
    }
}
