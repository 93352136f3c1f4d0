// The Autopilot's message tables: every id renders in every language, non-empty and translated (a few
// ids are the same words in both, such as "Baseline"), and a few English sentences read exactly as the
// Autopilot said them before the tables existed (the shipped transcripts hold the rest).

import Languages
import MLCore
import Testing

@testable import Agent

/// Renders each message in every language: non-empty, and different across languages unless listed as alike.
func expectEveryLanguage(
    _ messages: [any Message], alike: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
) {
    for m in messages {
        let texts = Language.allCases.map { m.text($0) }
        #expect(texts.allSatisfy { !$0.isEmpty }, "\(m) is empty in a language", sourceLocation: sourceLocation)
        if !alike.contains(m.english) {
            #expect(
                Set(texts).count == texts.count, "\(m) reads the same in two languages", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct AutopilotMessageTests {
    static let framing = AutopilotFraming(loadResult: [
        "dataset_id": "d1", "task": "binary", "metric": "roc_auc", "target": ["name": "survived"],
        "validation": "stratified 5-fold cross-validation on the training rows",
        "validation_scheme": ["scheme": "stratified_kfold", "folds": 5], "rows": 891, "train_rows": 712,
        "test_rows": 179, "column_count": 12, "text_columns": ["name"],
        "warnings": [["kind": "id_like", "column": "id", "message": "'id' is unique in every row."]],
    ])!
    static let warning = FramingWords.warning(
        message: "'id' is unique in every row.", DataWarning(column: "id", detail: .idLike))

    @Test func everyAutopilotMessageIsTranslated() {
        let f = Self.framing
        let steps: [AutopilotStep] = [.baseline, .linear, .gbdt, .text]
        var messages: [any Message] = steps.flatMap { step in
            [true, false].map { AutopilotMessage.modelName(step, regression: $0) }
                + [AutopilotMessage.hypothesis(step, f)]
                + [true, false].map { AutopilotLogMessage.title(step, regression: $0) }
                + [true, false].map { AutopilotLogMessage.next(after: step, linearModel: "logistic", hasText: $0) }
        }
        messages += [
            AutopilotMessage.help, .beforeLoad(path: "t.csv"), .framing(f), .dropping(column: "id", Self.warning),
            .note(Self.warning), .writingContext, .problemWithGoal(goal: "g", f), .problem(f, path: "t.csv"),
            .dropped(f), .data(path: "t.csv", f, dropped: "d", leakageNotes: ""), .metric(f),
            .bestSoFar(model: "gbdt", score: "s"), .experiment(model: "m", hypothesis: "h"),
            .comparing(model: "m", score: "s", reference: "r", referenceRun: "r1"), .baselineScore("s"),
            .trainingFailed("e"), .loggingExperiment,
            .difference(other: "r1", delta: "0.1", interval: "[0, 1]", significant: true),
            .difference(other: "r1", delta: "0.1", interval: "[0, 1]", significant: false), .leakageNote(Self.warning),
        ]
        messages += [
            AutopilotLogMessage.textFeatures(["name"]), .everyColumnExceptTarget, .andDropped(["id"]),
            .timeLimited(iterations: 80), .defaultParameters,
            .approach(model: "gbdt", features: "x", parameters: "p", f),
            .trainingFailed(nil), .trainingFailed("e"), .baselineFloor, .hypothesisHolds(other: "r1"),
            .hypothesisRejected(other: "r1"), .notConfirmed(other: "r1"), .noComparison,
            .explainingEnsemble(ensemble: "r9", model: "gbdt", run: "r3"), .bestValidationScore,
            .simplestWithinOneStandardError, .candidate(model: "gbdt", run: "r3", why: "w"),
            .curveAt(rows: 10, metric: "auc", train: "0.9", validation: "0.8"),
            .curveDiagnosis("more_data_helps"), .curveDiagnosis("variance"), .curveDiagnosis("good_fit"),
            .curveDiagnosis(nil), .mostImportant(method: "permutation"), .effectsLine(["a", "b"]),
            .weakestSlice("s"), .limitLine("l"), .learningCurveLine, .loggingInterpretation, .reliesOn(["a"]),
            .effectsSentence(["a", "b"]), .errsMost("s"), .limitsLabel, .learningCurveLabel, .interpretationTitle,
            .interpretationHypothesis, .interpretationApproach(model: "gbdt", run: "r3"), .decideThenConfirm,
            .beforeTest(model: "gbdt", run: "r3"), .stopTitle, .stopAnalysis(target: "y"), .stopNext,
            .keepTitle(model: "gbdt"), .keepAnalysis(model: "gbdt"), .keepNext(run: "r3"),
            .sealedTest(metric: "auc", value: "0.8", low: "0.7", high: "0.9"), .writingDecision, .noDataLoaded,
            .couldNotLoad("e"), .finalStop(logPath: "L.md"), .finalKeep(model: "gbdt", score: "s"),
            .againstBaseline(score: "s"), .onSealedTest("0.8"), .logIs("L.md"),
        ]
        expectEveryLanguage(messages, alike: ["Baseline", "Gradient boosting", "gradient boosting"])
    }

    @Test func everySearchAndLeakageMessageIsTranslated() {
        let facts = SearchMoveFacts(
            framing: Self.framing, encodingColumns: "'city'", many: false, encodedModel: "gbdt", members: ["r1", "r2"],
            textTerms: 20_000, tuningCandidates: 8)
        var messages: [any Message] = SearchMove.allCases.flatMap { move in
            [
                SearchMoveMessage.title(move, regression: false), .title(move, regression: true),
                .hypothesis(move, facts), .approach(move, facts),
            ]
        }
        messages += [
            SearchMessage.carriedTargetEncoding, .carriedLogTarget, .beforeMove(title: "T", hypothesis: "h"),
            .verdict(title: "T", score: "s", delta: "0.1", bestRun: "r1", paid: true),
            .verdict(title: "T", score: "s", delta: "0.1", bestRun: "r1", paid: false), .experimentFailed("e"),
            .failedAnalysis(error: nil), .belowBest, .holds, .withinNoise, .chooseAndDecide, .nextInQueue(title: "T"),
            .stillRunning, .exhausted, .noGain(patience: 2), .budget(nextTitle: "T"), .skipped(.text),
            .leftOutForTime(["a"]), .summary(experiments: 3, used: 10, budget: 60, why: "w"),
        ]
        for dropped in [true, false] {
            messages += [
                LeakageMessage.why(
                    column: "c", dropped: dropped, evidence: Self.warning, model: "gbdt", referenceRun: "r1"),
                .hypothesis(column: "c", dropped: dropped),
                .approach(column: "c", dropped: dropped, model: "gbdt", referenceRun: "r1", Self.framing),
                .analysis(
                    column: "c", dropped: dropped, evidence: Self.warning, run: "r2", referenceRun: "r1",
                    significant: dropped),
            ]
        }
        messages += [
            LeakageMessage.comparing(run: "r2", referenceRun: "r1"), .logging, .title(column: "c"),
            .notTrained(error: nil), .next,
        ]
        messages += [
            MetricChangeMessage.measuring(metric: "f1"), .contextMetric(metric: "f1", previous: Self.framing),
            .updatingContext, .keepTitle(model: "gbdt", metric: "f1"), .keepAnalysis(model: "gbdt", metric: "f1"),
            .keepNext(run: "r1", metric: "f1"), .loggingDecision, .couldNotMeasure(metric: "f1", logPath: "L"),
            .final(model: "gbdt", run: "r1", metric: "f1", value: "0.8", logPath: "L"),
        ]
        expectEveryLanguage(messages, alike: ["gradient boosting"])
    }

    @Test func everyClusteringMessageIsTranslated() {
        let messages: [ClusteringMessage] = [
            .problem(path: "p"), .title(k: 2), .noColumnDropped, .droppedLabel,
            .data(path: "p", rows: 1, columns: 2, trainRows: 1, testRows: 0, dropped: "d"), .referenceInData("r"),
            .metric(ks: "2, 3"), .firstHypothesis(k: 2), .hypothesis(k: 3), .everyColumn, .everyColumnExcept(["a"]),
            .heldOutReference("r"), .approach(k: 2, columns: "c", reference: ""), .chooseK,
            .nextK(3), .fitFailed(error: nil), .holds(previousK: 2, previousRun: "r1", k: 3),
            .rejected(previousK: 2, previousRun: "r1"), .first, .referenceReported("r"), .stopTitle, .stopAnalysis,
            .stopNext, .highest(k: 2, tried: 5), .againstReference("r"), .keepTitle(k: 2), .keepNext(run: "r1"),
            .framing(rows: 1, trainRows: 1, testRows: 0, ks: "2"), .referenceHeldOut("r"), .leavingOut("a"),
            .writingContext, .bestSoFar(k: 2, score: "s"), .experiment(k: 2, hypothesis: "h"),
            .fitFailedLogging("e"), .fitted(k: 2, score: nil, sizes: "1, 2"), .noFitSucceeded,
            .highestSilhouette(k: 2, score: "s"), .finalStop(logPath: "L"), .finalKeep(k: 2, score: "s", logPath: "L"),
        ]
        // k-means' title is the same words in both languages.
        expectEveryLanguage(messages, alike: ["k-means, k=2"])
    }

    /// English sentences as the Autopilot wrote them inline before the tables (AutopilotText.swift,
    /// AutopilotSearch+Text.swift, AutopilotClustering.swift of commit 6ce57f4).
    @Test func englishReadsAsBefore() {
        #expect(
            AutopilotMessage.bestSoFar(model: "gbdt", score: "roc_auc 0.861 ± 0.012 (r0005)").english
                == "Best so far: gbdt, roc_auc 0.861 ± 0.012 (r0005).\n")
        #expect(
            AutopilotMessage.framing(Self.framing).english
                == "Framing: binary task on 'survived', 891 rows (712 for training and validation, 179 sealed as the test split). Main metric: roc_auc; validation: stratified 5-fold cross-validation on the training rows."
        )
        #expect(
            AutopilotMessage.framing(Self.framing).french
                == "Cadrage : tâche binaire sur 'survived', 891 lignes (712 pour l'entraînement et la validation, 179 scellées comme jeu de test). Métrique principale : roc_auc ; validation : validation croisée stratifiée à 5 folds sur les lignes d'entraînement."
        )
        #expect(
            SearchMessage.summary(experiments: 1, used: 42, budget: 120, why: "it was still running").english
                == "Search: 1 experiment after the first families; 42 s of the 120 s budget used by this decision; the search ended because it was still running. The model was chosen on validation by the one-standard-error rule (the simplest within one standard error of the best)."
        )
        #expect(
            ClusteringMessage.fitted(k: 3, score: nil, sizes: "10, 20, 30").english
                == "k=3: no silhouette; cluster sizes 10, 20, 30.\nLogging this experiment.")
        #expect(AutopilotLogMessage.trainingFailed(nil).french.hasPrefix("L'entraînement a échoué : erreur inconnue."))
    }
}
