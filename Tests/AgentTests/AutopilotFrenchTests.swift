// The French session's words for load_data's task and validation: every validation scheme load_data
// reports is said in French from its facts (validation_scheme), whatever its English phrase says;
// and a whole French Autopilot session on shipped datasets whose narration and log quote none of the
// English sentences MLCore wrote into the tool results (profile warnings, effects, limits), and says
// each effect and limit from its facts with the numbers of the English sentence.

import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@testable import Agent

@Suite struct AutopilotFrenchTests {
    func framing(validation: String, task: String = "binary") throws -> AutopilotFraming {
        try #require(
            AutopilotFraming(loadResult: [
                "dataset_id": "d1", "task": .string(task), "metric": "roc_auc", "validation": .string(validation),
            ]))
    }

    @Test(arguments: [ValidationSuggestion.Scheme.stratifiedKFold, .kFold, .timeSeriesSplit, .holdout])
    func everyValidationSchemeIsSaidInFrenchFromItsFacts(_ scheme: ValidationSuggestion.Scheme) throws {
        let json =
            #"{"scheme": "\#(scheme.rawValue)", "folds": 4, "testFraction": 0.2, "timeColumn": "date", "reason": ""}"#
        let suggestion = try JSONDecoder().decode(ValidationSuggestion.self, from: Data(json.utf8))
        let english = LoadDataTool.validationText(suggestion)
        // load_data's result as the Autopilot reads it: the English phrase and the scheme's facts.
        let result: JSONValue = [
            "dataset_id": "d1", "task": "binary", "metric": "roc_auc", "validation": .string(english),
            "validation_scheme": LoadDataTool.schemeJSON(suggestion),
        ]
        let f = try #require(AutopilotFraming(loadResult: result))
        #expect(f.validation == english)
        #expect(FramingWords.validation(f).french != english)
        #expect(
            scheme == .holdout || FramingWords.validation(f).french.contains("4 folds"),
            "\(FramingWords.validation(f).french)")
        #expect(
            scheme != .timeSeriesSplit || FramingWords.validation(f).french.hasSuffix("'date'"),
            "\(FramingWords.validation(f).french)")
    }

    @Test func tasksAreTranslatedAndUnknownWordsKept() throws {
        #expect(FramingWords.task(try framing(validation: "", task: "multiclass").task).french == "multiclasse")
        // A result without the scheme's facts (an older load_data) keeps its English phrase.
        #expect(
            FramingWords.validation(try framing(validation: "a scheme of tomorrow")).french == "a scheme of tomorrow")
    }

    /// Phrases of MLCore's English texts (warnings, effects, limits) and of the log's English interval label.
    static let englishMarkers = [
        "Weak segment", "gives the highest", "higher predicted", "lower predicted", "overall.", "95% CI", "rows repeat",
        "is missing in",
        "Drop it", "Models impute", "near-copies", "likely target leakage", "is rare (", "No strong limit",
        "Extrapolation:", "Class imbalance:",
    ]

    @Test(arguments: [("titanic", "survived"), ("mpg", "hwy"), ("penguins", "species")])
    func frenchSessionQuotesNoEnglishSentenceOfTheCore(_ file: String, _ target: String) async throws {
        let root = try TempWorkspace.make()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset(file), to: root.appendingPathComponent("\(file).csv"))
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session(language: .fr))
        let loop = AgentLoop(
            model: Autopilot(brief: AutopilotBrief(path: "\(file).csv", target: target, language: .fr)),
            tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.fr),
            limits: LoopLimits(maxModelTurns: 60))
        guard case .answered = await loop.send("Vas-y.") else {
            Issue.record("no answer")
            return
        }
        let messages = await loop.messages
        let narration = messages.filter { $0.role == .assistant }.compactMap(\.content).joined(separator: "\n")
        let markdown = try String(contentsOfFile: context.log.markdownPath, encoding: .utf8)
        let results = messages.toolResults()
        let load = try #require(results.first { $0["dataset_id"] != nil })
        let explain = try #require(results.first { $0["limits"] != nil })
        var english = (load["warnings"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue }
        english += (explain["effects"]?.arrayValue ?? []).compactMap {
            $0["sentence"]?.stringValue?.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        english += (explain["limits"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(!english.isEmpty, "the session had no English sentence of the core to translate")
        for text in [narration, markdown] {
            for sentence in english { #expect(!text.contains(sentence), "English sentence quoted: \(sentence)") }
            for marker in Self.englishMarkers {
                #expect(!text.contains(marker), "English phrase '\(marker)' in a French session")
            }
        }
        // Each warning is said, in French, from its facts.
        let framing = try #require(AutopilotFraming(loadResult: load))
        for w in framing.drops.compactMap(\.warning) + framing.otherWarnings.prefix(3).compactMap(\.warning) {
            #expect(narration.contains(w.french))
        }
        // A weak segment beyond noise, or the statement that there is none (penguins and mpg have none).
        #expect(narration.contains("Tranche faible : ") || narration.contains("Aucune limite au-delà du bruit"))
        // Effects and limits are said from their facts, with the English sentences' numbers.
        let effects = Array((explain["effects"]?.arrayValue ?? []).prefix(3))
        #expect(!effects.isEmpty)
        for x in effects {
            let french = try #require(ExplainFindings.frenchEffect(x))
            let sentence = x["sentence"]?.stringValue ?? ""
            #expect(narration.contains(french) && markdown.contains(french), "effect not said: \(french)")
            #expect(
                !quotedNumbers(sentence).isEmpty && quotedNumbers(french) == quotedNumbers(sentence),
                "\(french) | \(sentence)")
        }
        let limits = (explain["limits"]?.arrayValue ?? []).prefix(3).compactMap(\.stringValue)
        let frenchLimits = ExplainFindings.frenchLimits(explain, count: 3)
        #expect(frenchLimits.count == limits.count)
        for (french, english) in zip(frenchLimits, limits) {
            #expect(narration.contains(french), "limit not said: \(french)")
            #expect(quotedNumbers(french) == quotedNumbers(english), "\(french) | \(english)")
        }
        #expect(markdown.contains("[IC 95 % "))
        #expect(try context.log.verify(against: context.store).isEmpty)
    }
}
