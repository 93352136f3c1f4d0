// The French session's words for load_data's task and validation: every phrase LoadDataTool.validationText
// writes has its French rendering (a change to the English wording fails here, not silently on screen).

import Foundation
import MLCore
import Testing

@testable import Agent

@Suite struct AutopilotFrenchTests {
    func framing(validation: String, task: String = "binary") throws -> AutopilotFraming {
        try #require(AutopilotFraming(loadResult: ["dataset_id": "d1", "task": .string(task), "metric": "roc_auc", "validation": .string(validation)]))
    }

    @Test(arguments: [ValidationSuggestion.Scheme.stratifiedKFold, .kFold, .timeSeriesSplit, .holdout])
    func everyValidationPhraseIsTranslated(_ scheme: ValidationSuggestion.Scheme) throws {
        let json = #"{"scheme": "\#(scheme.rawValue)", "folds": 5, "testFraction": 0.2, "timeColumn": "date", "reason": ""}"#
        let english = LoadDataTool.validationText(try JSONDecoder().decode(ValidationSuggestion.self, from: Data(json.utf8)))
        let french = try framing(validation: english).validationFR
        #expect(french != english)
        #expect(scheme == .holdout || french.contains("5 folds"))
        #expect(scheme != .timeSeriesSplit || french.hasSuffix("'date'"))
    }

    @Test func tasksAreTranslatedAndUnknownWordsKept() throws {
        #expect(try framing(validation: "", task: "multiclass").taskFR == "multiclasse")
        #expect(try framing(validation: "a scheme of tomorrow").validationFR == "a scheme of tomorrow")
    }
}
