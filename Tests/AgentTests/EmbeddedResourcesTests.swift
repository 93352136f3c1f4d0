// The embedded copy of prompts/ and tools/ must equal the files: fails when someone edits a prompt or
// schema and forgets scripts/embed-resources.sh.

import Agent
import Foundation
import Languages
import MLCore
import Testing

@Suite struct EmbeddedResourcesTests {
    /// The package root, from this file's path (Tests/AgentTests/ThisFile.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func files(_ folder: String, _ ext: String) throws -> [String: String] {
        let dir = Self.root.appendingPathComponent(folder)
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix("." + ext) {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            out[String(name.dropLast(ext.count + 1))] = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        return out
    }

    @Test func embeddedToolSchemasMatchTheFiles() throws {
        let onDisk = try files("tools", "json")
        #expect(!onDisk.isEmpty)
        #expect(onDisk == EmbeddedResources.toolSchemas, "run scripts/embed-resources.sh")
    }

    @Test func embeddedPromptsMatchTheFiles() throws {
        let onDisk = try files("prompts", "md")
        #expect(onDisk.keys.sorted() == ["system.en", "system.fr", "system.small.en", "system.small.fr"])
        #expect(onDisk == EmbeddedResources.prompts, "run scripts/embed-resources.sh")
        let version = try String(contentsOf: Self.root.appendingPathComponent("prompts/VERSION"), encoding: .utf8)
        #expect(version.trimmingCharacters(in: .whitespacesAndNewlines) == Prompts.version)
    }

    @Test func promptsStateTheRules() {
        let en = Prompts.system(.en), fr = Prompts.system(.fr)
        for phrase in ["Baseline first", "One change per experiment", "test split", "Log every experiment"] {
            #expect(en.contains(phrase))
        }
        for phrase in ["baseline d'abord", "Un seul changement", "jeu de test", "Consigne chaque expérience"] {
            #expect(fr.contains(phrase))
        }
    }

    @Test func theSessionLanguageFollowsTheFlagThenTheLocale() {
        #expect(Language.choose("FR", environment: ["LANG": "en_US.UTF-8"]) == .fr)
        #expect(Language.choose("de", environment: [:]) == nil)
        #expect(Language.choose(nil, environment: ["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(Language.choose(nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(Language.choose(nil, environment: ["LC_ALL": "", "LANG": "fr_CA"]) == .fr)
        #expect(Language.choose(nil, environment: [:]) == .en)
    }
}

/// The tool schemas name the model families of MLCore's table: a family added there and not here fails,
/// and the failure says which line of which file to edit and what to write there. The schemas stay
/// hand-written text (the models read them and the shipped transcripts recorded them).
@Suite struct ToolSchemaFamilyTests {
    func modelEnum(_ tool: String) throws -> [String] {
        let text = try #require(EmbeddedResources.toolSchemas[tool])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let parameters = try #require(json["parameters"] as? [String: Any])
        let properties = try #require(parameters["properties"] as? [String: Any])
        let model = try #require(properties["model"] as? [String: Any])
        return try #require(model["enum"] as? [String])
    }

    /// What to do when `tool`'s enum is not `expected`: the file, the line holding the enum, the list to write.
    func edit(_ tool: String, _ expected: [String]) -> Comment {
        let path = "tools/\(tool).json"
        let text = EmbeddedResources.toolSchemas[tool] ?? ""
        let line =
            (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.contains("\"model\"") && $0.contains("\"enum\"")
            }).map { $0 + 1 }
        let list = "[" + expected.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        return Comment(
            rawValue: "edit \(path) line \(line.map(String.init) ?? "?") (\"model\": {... \"enum\": ...}) to "
                + "\"enum\": \(list), then run scripts/embed-resources.sh")
    }

    @Test func trainAndTuneListTheTablesFamilies() throws {
        let families = ModelFamily.all.map(\.name)
        let train = families + ["ensemble"]
        #expect(try modelEnum("train_model") == train, edit("train_model", train))
        // tune_model: every family with something to tune against a target (not the baseline, which reads no
        // feature, not k-means, which has no target).
        let tune = ModelFamily.all.filter { !$0.ignoresFeatures && $0 != .kmeans }.map(\.name)
        #expect(try modelEnum("tune_model") == tune, edit("tune_model", tune))
    }

    @Test func theFailureNamesTheLineHoldingTheEnum() throws {
        let comment = edit("train_model", ["baseline", "gbdt"]).rawValue
        #expect(comment.hasPrefix("edit tools/train_model.json line "))
        #expect(comment.hasSuffix("\"enum\": [\"baseline\", \"gbdt\"], then run scripts/embed-resources.sh"))
        let number = try #require(Int(comment.split(separator: " ")[3]))
        let lines = try #require(EmbeddedResources.toolSchemas["train_model"]).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[number - 1].contains("\"model\": {\"type\": \"string\", \"enum\": [\"baseline\""))
    }
}
