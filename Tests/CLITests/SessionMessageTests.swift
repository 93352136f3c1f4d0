// The command line's message tables (SessionMessage, ToolLineMessage): every id renders in every
// language, translated; English as `mlexp run` / `chat` wrote it before the tables (commit 6ce57f4).

import Languages
import TestSupport
import Testing

@testable import mlexp

@Suite struct SessionMessageTests {
    @Test func everySessionMessageIsTranslated() {
        let messages: [SessionMessage] = [
            .autopilotBanner(why: "w"), .chosenWithFlag, .noEndpoint, .checkingToolCalls, .unknownWindow,
            .toolCalls(mode: "native", reason: "r", window: "4096 tokens", small: true, maxTokens: 1024), .chatHelp,
            .howToLeave, .chatFirst(data: "t.csv", target: "y"), .chatFirst(data: "t.csv", target: nil), .didNothing,
            .logAt("EXPERIMENTS.md"), .referenceLabel("species"),
            .clusteringRequest(path: "p.csv", goal: "", reference: ""), .request(path: "t.csv", target: "y", goal: ""),
            .resuming(what: "", file: "s.jsonl", messages: 14, calls: 1), .importanceMeasure(method: "gain"),
            .importanceMeasure(method: "shap"), .importanceMeasure(method: "permutation"),
        ]
        expectTranslated(messages)
        #expect(
            SessionMessage.resuming(what: "titanic.csv → survived", file: "s.jsonl", messages: 14, calls: 1).english
                == "Resuming titanic.csv → survived from s.jsonl: 14 messages, 1 call to run again.")
    }

    @Test func everyToolLineMessageIsTranslated() {
        let messages: [ToolLineMessage] = [
            .onTestSplit, .entryKind("experiment #3"), .entryTitle(kind: "decision", title: "Keep gbdt"),
            .significance(true), .significance(false),
            .loaded(rows: 891, columns: 12, task: "binary", metric: "roc_auc", warnings: 1), .topFeatures(["sex"]),
            .wrote(entry: "context", path: "EXPERIMENTS.md"), .tuned(trials: 1, strategy: nil, best: "r4"),
            .profiled(type: "numeric", missing: 0, distinct: 3), .finalized(run: "r9", of: "r7", rows: 400),
        ]
        expectTranslated(messages)
        #expect(
            ToolLineMessage.loaded(rows: 891, columns: 12, task: "binary", metric: "roc_auc", warnings: 1).french
                == "891 lignes × 12 colonnes, binaire, métrique roc_auc, 1 avertissement")
    }
}
