// Reproduction code written from run records as the autopilot stores them (camelCase mlexp
// hyper-parameters, task "binary"/"multiclass"/"regression"): the command line keeps every
// parameter, the Python passes only what the scikit-learn estimator accepts, typed as it wants.
import Foundation
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct ReproductionTests {
        func run(_ model: String, task: String, _ params: [String: RunValue]) -> RunRecord {
            var r = RunRecord(
                dataset: DatasetInfo(fingerprint: "f", rows: 10, columns: 3, path: "my data.csv"),
                target: "y", task: task, modelFamily: model)
            r.id = "r0007"
            r.seed = 7
            r.hyperParameters = params
            r.validation = .object(["folds": 3])
            return r
        }

        @Test func commandLineQuotesAndKeepsEveryParameter() {
            let cli = Reproduction.commandLine(run("gbdt", task: "binary", ["learning_rate": 0.05, "threads": 2]))
            #expect(
                cli.hasSuffix(
                    "!mlexp train 'my data.csv' --target y --model gbdt --seed 7 --cv 3 --set learningRate=0.05 --set threads=2"
                ))
        }

        @Test func commandLineReproducesTheRunsColumns() {
            var r = run("logistic", task: "binary", [:])
            r.features = ["sex", "passenger name"]
            r.droppedColumns = ["ticket", "cabin no"]
            let cli = Reproduction.commandLine(r)
            #expect(cli.contains("--exclude 'ticket,cabin no' --keep sex --keep 'passenger name'"))
        }

        @Test func pythonPassesOnlyWhatTheEstimatorAccepts() throws {
            let py = try #require(
                Reproduction.python(
                    run(
                        "gbdt", task: "multiclass",
                        [
                            "maxFeatures": 1, "learningRate": 0.1, "maxIter": 50, "subsample": 1, "threads": 2,
                            "seed": 7,
                        ])))
            #expect(
                py.contains(
                    "HistGradientBoostingClassifier(learning_rate=0.1, max_features=1.0, max_iter=50, random_state=7)"))
            #expect(py.contains("# Not passed (no HistGradientBoostingClassifier counterpart): subsample."))
            #expect(py.contains("StratifiedKFold(n_splits=3, shuffle=True, random_state=7)"))
            let logit = try #require(
                Reproduction.python(run("logistic", task: "binary", ["C": 1, "penalty": "l2", "maxIter": 100])))
            #expect(logit.contains("LogisticRegression(C=1.0, max_iter=100, random_state=7)"))
        }

        @Test func familiesScikitLearnCannotExpressGetNoPythonCell() {
            #expect(
                Reproduction.python(run("kmeans", task: "clustering", ["nClusters": 4]))?.contains(
                    "KMeans(n_clusters=4, random_state=7)") == true)
            #expect(Reproduction.python(run("svm", task: "binary", [:])) == nil)
            #expect(Reproduction.python(run("naive_bayes", task: "regression", [:])) == nil)
            #expect(
                Reproduction.python(run("ridge", task: "regression", ["alpha": 2]))?.contains(
                    "Ridge(alpha=2.0, random_state=7)") == true)
        }
    }
}
