// The workspace's .mlexp/config.json: the three settings read, a key refused, wrong shapes named
// (the seeds of the config fuzz target, Tests/Fuzz/corpus/config, hold the same cases).
import Foundation
import Testing

@testable import Agent

@Suite struct WorkspaceConfigTests {
    func parse(_ text: String) throws(WorkspaceConfig.Failure) -> WorkspaceConfig {
        try WorkspaceConfig.parse(Data(text.utf8), path: "config.json")
    }

    @Test func readsTheThreeSettings() throws {
        let c = try parse(#"{"base_url":"http://127.0.0.1:8080/v1","model":"qwen","temperature":0.2}"#)
        #expect(c == WorkspaceConfig(baseURL: "http://127.0.0.1:8080/v1", model: "qwen", temperature: 0.2))
        #expect(try parse("{}") == WorkspaceConfig())
        #expect(try parse(#"{"base_url":null,"temperature":null}"#) == WorkspaceConfig())
    }

    @Test(arguments: [
        (#"{"api_key":"sk-secret"}"#, "OPENAI_API_KEY"), ("not json", "not a JSON object"),
        ("[]", "not a JSON object"), (#"{"model":5}"#, "\"model\" must be a string"),
        (#"{"temperature":"hot"}"#, "\"temperature\" must be a number from 0 to 2"),
        (#"{"temperature":7}"#, "\"temperature\" must be a number from 0 to 2"),
    ])
    func refusesWhatItCannotUse(text: String, message: String) {
        #expect(throws: WorkspaceConfig.Failure.self) { try parse(text) }
        do { _ = try parse(text) } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(!error.description.contains("sk-secret"))
        }
    }
}
