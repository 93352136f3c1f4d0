// The Autopilot's first tuning of gradient boosting: it samples fewer configurations when successive
// halving would run one round (a random search, every configuration a full cross-validation), so its cost
// is bounded on small tables.

import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@testable import Agent

@Suite(.serialized) struct AutopilotFirstTuningTests {
    @Test func oneRoundOfHalvingSamplesEightConfigurationsTwoRoundsEighteen() {
        // 5 folds: a fold trains on 4/5 of the rows; the second round needs 3 × 3,000 rows a fold.
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 11_250, folds: 5) == 18)
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 11_249, folds: 5) == 8)
        // caravan's 80 %: 3,725 rows outside the sealed split, 2,980 a fold.
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 3_725, folds: 5) == 8)
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 100_000, folds: 5) == 18)
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 0, folds: 5) == 8)
    }
}
