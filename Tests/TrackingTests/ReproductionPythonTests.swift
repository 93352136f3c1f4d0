// The Python cells of runs trained by MLCore's ExperimentRunner on shipped datasets and recorded as the
// agent records them (RunPreprocessing.record): titanic with `name` as TF-IDF text under a logistic
// regression, and k-means on wine. With the test venv the cells run in scikit-learn and their
// cross-validated scores land within a stated tolerance of the run's (the fold assignment differs:
// scikit-learn's generator is not mlexp's). Also: records from before the column treatments still
// get a Python cell.
import Foundation
import MLCore
import TestSupport
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct ReproductionPythonTests {
        static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets")

        /// A run as the agent's train_model records it: effective hyper-parameters, CV metrics, preprocessing.
        static func record(_ file: String, _ spec: ExperimentSpec, in folder: URL = datasets) throws -> RunRecord {
            let dataset = try Dataset.load(path: folder.appendingPathComponent(file).path)
            let result = try ExperimentRunner.run(dataset: dataset, spec: spec)
            let cv = try #require(result.crossValidation)
            var run = RunRecord(
                dataset: DatasetInfo(
                    fingerprint: "fp", rows: dataset.rowCount, columns: dataset.columnCount, path: file),
                target: spec.target, task: result.target.task.rawValue, modelFamily: spec.model)
            run.id = "r0001"
            run.seed = spec.seed
            run.features = result.pipeline.pipeline.columns.map(\.name)
            run.preprocessing = RunPreprocessing.record(
                result.pipeline.pipeline, preset: spec.family.preset, overrides: spec.parameters.texts,
                highCardinalityColumns: result.pipeline.highCardinalityColumns)
            run.hyperParameters = result.parameters.mapValues { v in Double(v).map(RunValue.number) ?? .string(v) }
            run.validation = .object(["folds": .number(Double(cv.folds.count))])
            for (key, s) in cv.summary where s.mean.isFinite {
                run.metrics[key] = Tracking.MetricSummary(mean: s.mean, std: s.std)
            }
            return run
        }

        /// Runs `code` from `folder`; the printed "name: mean ± std" lines by name.
        static func scores(_ code: String, in folder: URL = datasets) async throws -> [String: Double] {
            let script =
                "import os, sys\nos.chdir(sys.argv[1])\nexec(compile(open(sys.argv[2]).read(), 'cell', 'exec'), {})\n"
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("cell-\(UUID().uuidString).py")
            try code.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let r = try await VenvPython.run(script, [folder.path, file.path])
            #expect(r.status == 0, "\(r.stderr)\n\(code)")
            var out: [String: Double] = [:]
            for line in r.stdout.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, let v = Double(parts[1].split(separator: " ").first ?? "") {
                    out[String(parts[0])] = v
                }
            }
            return out
        }

        @Test func textColumnsBecomeATfidfVectorizerWithTheRunsSettings() throws {
            let run = try Self.record(
                "titanic.csv",
                ExperimentSpec(
                    target: "survived", family: try .named("logistic"), validation: .crossValidation(folds: 5), seed: 42
                ))
            let prep = try #require(RunPreprocessing(run.preprocessing))
            #expect(prep.text == ["name"] && prep.categorical == ["class", "sex"] && prep.numeric == ["age"])
            // What `mlexp runs compare` shows for it.
            #expect(
                prep.summary
                    == "linear: numeric age (median, scaled, missing flags); categorical class, sex (one-hot ≤ 20); text name (TF-IDF 1–2-grams)"
            )
            let py = try #require(Reproduction.python(run))
            #expect(
                py.contains(
                    "(\"text name\", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=1000, sublinear_tf=True), \"name\")"
                ))
            #expect(
                py.contains("OneHotEncoder(handle_unknown=\"infrequent_if_exist\", max_categories=21), categorical)"))
            #expect(py.contains("(\"num_missing\", MissingIndicator(error_on_new=False), numeric)"))
            #expect(!py.contains("make_column_selector"))
        }

        /// Tolerance: 0.02 in accuracy and ROC AUC (about one fold's standard deviation on titanic's
        /// 1,309 rows); the preprocessing is the same, only the folds differ.
        @Test(.enabled(if: VenvPython.enabled)) func textRunScoresLikeTheRunInScikitLearn() async throws {
            let run = try Self.record(
                "titanic.csv",
                ExperimentSpec(
                    target: "survived", family: try .named("logistic"), validation: .crossValidation(folds: 5), seed: 42
                ))
            let scores = try await Self.scores(try #require(Reproduction.python(run)))
            for metric in ["accuracy", "roc_auc"] {
                let ours = try #require(run.metrics[metric]?.mean), theirs = try #require(scores[metric])
                #expect(abs(ours - theirs) <= 0.02, "\(metric): mlexp \(ours), scikit-learn \(theirs)")
            }
        }

        @Test func kmeansRunsGetAKMeansCellWithTheirKSeedAndRestarts() throws {
            let run = try Self.record(
                "wine.csv",
                ExperimentSpec(
                    target: "target", family: try .named("kmeans"),
                    parameters: try ModelFamily.kmeans.parse(["nClusters": "3", "nInit": "4"]),
                    validation: .crossValidation(folds: 5), seed: 7))
            let py = try #require(Reproduction.python(run))
            #expect(
                py.contains(
                    "KMeans(init=\"k-means++\", max_iter=300, n_clusters=3, n_init=4, tol=0.0001, random_state=7)"))
            #expect(py.contains("StandardScaler()"))
            #expect(py.contains("\"adjusted_rand\": adjusted_rand"))
        }

        /// Tolerance: silhouette and adjusted Rand index within 0.05, inertia within 5 % (k-means on
        /// wine's 13 scaled columns finds the same three clusters; the held-out folds differ).
        @Test(.enabled(if: VenvPython.enabled)) func kmeansRunScoresLikeTheRunInScikitLearn() async throws {
            let run = try Self.record(
                "wine.csv",
                ExperimentSpec(
                    target: "target", family: try .named("kmeans"),
                    parameters: try ModelFamily.kmeans.parse(["nClusters": "3", "nInit": "4"]),
                    validation: .crossValidation(folds: 5), seed: 7))
            let scores = try await Self.scores(try #require(Reproduction.python(run)))
            #expect(Set(scores.keys) == ["inertia", "silhouette", "adjusted_rand"])
            // The metrics the run stored (the CV of main's ExperimentRunner scores adjusted_rand only).
            let compared = ["silhouette", "adjusted_rand", "inertia"].filter { run.metrics[$0] != nil }
            #expect(!compared.isEmpty)
            for metric in compared {
                let ours = try #require(run.metrics[metric]?.mean), theirs = try #require(scores[metric])
                let tolerance = metric == "inertia" ? 0.05 * ours : 0.05
                #expect(abs(ours - theirs) <= tolerance, "\(metric): mlexp \(ours), scikit-learn \(theirs)")
            }
        }

        /// A clustering as the agent's train_model records it (no target, fitted and scored on every row,
        /// `reference` compared with, never a feature).
        static func clustering(_ file: String, reference: String, _ spec: ClusteringSpec) throws -> RunRecord {
            let dataset = try Dataset.load(path: datasets.appendingPathComponent(file).path)
            let result = try ClusteringRunner.run(dataset: dataset, spec: spec)
            var run = RunRecord(
                dataset: DatasetInfo(
                    fingerprint: "fp", rows: dataset.rowCount, columns: dataset.columnCount, path: file),
                target: nil, task: "clustering", modelFamily: spec.model)
            run.id = "r0002"
            run.seed = spec.seed
            run.features = result.columns
            run.droppedColumns = result.excluded
            run.preprocessing = RunPreprocessing.record(
                result.pipeline.pipeline, preset: .distance, overrides: [:], adding: ["scaler": "standard"])
            run.hyperParameters = result.parameters.mapValues { v in Double(v).map(RunValue.number) ?? .string(v) }
            run.validation = .object(["folds": 0, "reference": .string(reference)])
            run.metrics = result.metrics.mapValues { Tracking.MetricSummary(mean: $0) }
            return run
        }

        @Test func agentClusteringRunsGetAFittedKMeansCellAndTheirReference() throws {
            let run = try Self.clustering(
                "wine.csv", reference: "target",
                ClusteringSpec(
                    parameters: try ModelFamily.kmeans.parse(["nClusters": "3", "nInit": "10"]), seed: 42,
                    reference: "target"))
            #expect(
                run.droppedColumns == ["target"] && !RunPreprocessing(run.preprocessing)!.columns.contains("target"))
            let py = try #require(Reproduction.python(run))
            #expect(
                py.contains(
                    "KMeans(init=\"k-means++\", max_iter=300, n_clusters=3, n_init=10, tol=0.0001, random_state=42)).fit(X)"
                ))
            #expect(
                py.contains("reference = df[\"target\"]")
                    && py.contains("adjusted_rand_score(reference[known], labels[known])"))
            #expect(!py.contains("cross_validate"))
            let cli = Reproduction.commandLine(run)
            #expect(
                cli.hasSuffix(
                    "!mlexp train wine.csv --model kmeans --seed 42 --reference target"
                        + run.features.map { " --keep \($0)" }.joined()
                        + " --set init=k-means++ --set maxIter=300 --set nClusters=3 --set nInit=10 --set seed=42 --set threads=2 --set tol=0.0001"
                ))
        }

        /// Tolerance: silhouette and adjusted Rand index within 0.02, inertia within 1 % (the same scaled
        /// data; only the k-means++ draws differ, and ten restarts find the same three clusters).
        @Test(.enabled(if: VenvPython.enabled)) func agentClusteringRunScoresLikeTheRunInScikitLearn() async throws {
            let run = try Self.clustering(
                "wine.csv", reference: "target",
                ClusteringSpec(
                    parameters: try ModelFamily.kmeans.parse(["nClusters": "3", "nInit": "10"]), seed: 42,
                    reference: "target"))
            let scores = try await Self.scores(try #require(Reproduction.python(run)))
            for (metric, tolerance) in [("silhouette", 0.02), ("adjusted_rand", 0.02)] {
                let ours = try #require(run.metrics[metric]?.mean), theirs = try #require(scores[metric])
                #expect(abs(ours - theirs) <= tolerance, "\(metric): mlexp \(ours), scikit-learn \(theirs)")
            }
            let ours = try #require(run.metrics["inertia"]?.mean), theirs = try #require(scores["inertia"])
            #expect(abs(ours - theirs) <= 0.01 * ours, "inertia: mlexp \(ours), scikit-learn \(theirs)")
        }

        @Test func recordsFromBeforeTheColumnTreatmentsStillGetAPythonCell() throws {
            var run = RunRecord(
                dataset: DatasetInfo(fingerprint: "f", rows: 10, columns: 3, path: "titanic.csv"),
                target: "survived", task: "binary", modelFamily: "logistic")
            run.preprocessing = .object(["preset": "linear", "overrides": .object([:])])
            #expect(RunPreprocessing(run.preprocessing) == nil)
            let py = try #require(Reproduction.python(run))
            #expect(py.contains("make_column_selector(dtype_include=\"number\")"))
        }
    }
}
