// W&B as a user goes through it, with the mlexp binary and the real wandb SDK (the test venv, 0.31):
// the shared Autopilot session on titanic (run with `--wandb`, which writes EXPERIMENTS-wandb.py
// beside the log) → `mlexp export wandb` → the script run with WANDB_MODE=offline and every W&B folder
// in a scratch directory (no network, no login) → the offline run files read back by
// scripts/wandb-offline-runs.py → each W&B run's config, summary and fold history equal the store's
// values, the chosen run is tagged, the log is attached byte for byte. Any SDK error fails the test.
// Also the bad cases at the command line: no runs, a project name W&B refuses.
import Foundation
import TestSupport
import Testing

@testable import Tracking

extension CLISessionTests {
    @Suite struct WandbExportCLITests {
        /// A W&B run as scripts/wandb-offline-runs.py prints it.
        struct OfflineRun: Decodable {
            struct Artifact: Decodable {
                var name: String
                var type: String
                var files: [String: String]
            }
            var name: String
            var group: String
            var tags: [String]
            var notes: String
            var project: String
            var config: [String: RunValue]
            var summary: [String: RunValue]
            var history: [[String: RunValue]]
            var artifacts: [Artifact]
            var exitCode: Int?
            var errors: [String]

            enum CodingKeys: String, CodingKey {
                case name, group, tags, notes, project, config, summary, history, artifacts, errors
                case exitCode = "exit_code"
            }
        }

        struct Offline: Decodable {
            var runs: [OfflineRun]
            /// Base64 MD5 of the workspace's EXPERIMENTS.md, as W&B digests artifact files.
            var logDigest: String
            var stdout: String

            enum CodingKeys: String, CodingKey {
                case runs, stdout
                case logDigest = "log_digest"
            }
        }

        /// Runs `script` (in `workspace`) under the SDK offline and reads its runs back.
        static func runOffline(_ script: String, in workspace: URL) async throws -> Offline {
            let driver = """
                import base64, hashlib, json, os, subprocess, sys, tempfile
                workspace, script, reader = sys.argv[1:4]
                scratch = tempfile.mkdtemp(prefix="mlexp-wandb-")
                env = {k: v for k, v in os.environ.items() if not k.startswith("WANDB_")}
                env.update(WANDB_MODE="offline", WANDB_DIR=scratch, WANDB_DATA_DIR=os.path.join(scratch, "data"),
                           WANDB_CACHE_DIR=os.path.join(scratch, "cache"), WANDB_CONFIG_DIR=os.path.join(scratch, "config"),
                           WANDB_ARTIFACT_DIR=os.path.join(scratch, "artifacts"), WANDB_SILENT="true",
                           WANDB_DISABLE_GIT="true", WANDB_DISABLE_CODE="true")
                done = subprocess.run([sys.executable, script], cwd=workspace, env=env, capture_output=True, text=True)
                if done.returncode != 0:
                    sys.exit("the script failed (%d):\\n%s\\n%s" % (done.returncode, done.stdout[-3000:], done.stderr[-3000:]))
                runs = subprocess.run([sys.executable, reader, os.path.join(scratch, "wandb")], capture_output=True,
                                      text=True, check=True, env=env).stdout
                digest = base64.b64encode(hashlib.md5(open(os.path.join(workspace, "EXPERIMENTS.md"), "rb").read()).digest())
                print(json.dumps({"runs": json.loads(runs), "log_digest": digest.decode(), "stdout": done.stdout}))
                """
            let reader = Repository.root.appendingPathComponent("scripts/wandb-offline-runs.py").path
            let r = try await VenvPython.run(driver, [workspace.path, script, reader])
            guard r.status == 0 else { throw TrackingError(.io, "\(r.stderr)\(r.stdout)") }
            return try JSONDecoder().decode(Offline.self, from: Data(r.stdout.utf8))
        }

        @Test func theSessionWritesItsScriptBesideTheLogAndSaysHowToSendIt() async throws {
            let (ws, out) = try await SessionExportCLITests.session.value
            #expect(FileManager.default.fileExists(atPath: ws.appendingPathComponent("EXPERIMENTS-wandb.py").path))
            #expect(out.contains("for W&B project mlexp-session."))
            #expect(out.contains("`WANDB_MODE=offline python EXPERIMENTS-wandb.py && wandb sync wandb/offline-run-*`"))
        }

        @Test(.enabled(if: VenvPython.enabled)) func theScriptLogsEveryRunOfflineWithTheStoresValues() async throws {
            let (ws, _) = try await SessionExportCLITests.session.value
            let exported = try await SessionExportCLITests.mlexp(
                ["export", "wandb", "--out", "wb.py", "--project", "mlexp-test"], in: ws)
            #expect(exported.status == 0, "\(exported.err)")
            let offline = try await Self.runOffline("wb.py", in: ws)
            let store = try RunStore(workspace: ws)
            let runs = try store.list()
            let tests = try store.testEvaluations()
            #expect(offline.runs.count == runs.count && runs.count >= 3)
            #expect(offline.stdout.contains("\(runs.count) run(s) logged to W&B, wandb/ (offline)"))
            let byName = Dictionary(offline.runs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            for run in runs {
                let w = try #require(byName["\(run.id) \(run.modelFamily)"], "no W&B run for \(run.id)")
                #expect(w.exitCode == 0 && w.errors.isEmpty, "\(w.errors)")
                #expect(w.project == "mlexp-test")
                #expect(w.group == "titanic.csv · survived · \(run.dataset.fingerprint.prefix(8))")
                // Config: the store's values.
                #expect(w.config["mlexp_run_id"] == .string(run.id))
                #expect(w.config["model_family"] == .string(run.modelFamily))
                #expect(w.config["hyper_parameters"] == .object(run.hyperParameters))
                #expect(w.config["features"] == .array(run.features.map(RunValue.string)))
                #expect(w.config["dropped_columns"] == .array(run.droppedColumns.map(RunValue.string)))
                #expect(w.config["seed"] == .number(Double(run.seed)))
                #expect(w.config["dataset_fingerprint"] == .string(run.dataset.fingerprint))
                #expect(w.config["prompt_version"] == run.promptVersion.map(RunValue.string))
                #expect(w.config["validation"] == run.validation)
                #expect(w.config["preprocessing"] == run.preprocessing)
                // Summary: every validation metric with its std and CI, exactly.
                for (name, m) in run.metrics {
                    #expect(w.summary["val/\(name)"] == .number(m.mean), "\(run.id) \(name)")
                    #expect(w.summary["val/\(name)_std"] == m.std.map(RunValue.number))
                    #expect(w.summary["val/\(name)_ci_low"] == m.ciLow.map(RunValue.number))
                    #expect(w.summary["val/\(name)_ci_high"] == m.ciHigh.map(RunValue.number))
                }
                #expect(w.summary["fit_seconds"] == .number(run.trainingSeconds))
                #expect(w.summary["fold/roc_auc"] == nil, "per-fold values are history, not summary")
                // History: one row per fold, the store's fold metrics.
                let folds = w.history.filter { $0["fold"] != nil }
                #expect(folds.map { $0["fold/roc_auc"] } == run.foldMetrics.map { $0["roc_auc"].map(RunValue.number) })
                // The sealed test split: its figures on the run it was evaluated on, and nowhere else.
                if let test = tests.last(where: { $0.runID == run.id }) {
                    #expect(w.tags.contains("chosen"))
                    for (name, m) in test.metrics { #expect(w.summary["test/\(name)"] == .number(m.mean)) }
                } else {
                    #expect(!w.tags.contains("chosen") && w.summary.keys.allSatisfy { !$0.hasPrefix("test/") })
                }
                #expect(w.tags.contains("baseline") == (run.modelFamily == "baseline"))
                #expect(w.notes.contains("Hypothesis: "))
            }
            // The chosen run carries the log (byte for byte the workspace's EXPERIMENTS.md) and the specs.
            #expect(tests.count == 1)
            let chosen = try #require(offline.runs.first { $0.tags.contains("chosen") })
            let log = try #require(chosen.artifacts.first { $0.type == "experiment-log" })
            #expect(log.files["EXPERIMENTS.md"] == offline.logDigest)
            #expect(log.files.keys.contains { $0.hasSuffix("/feature_importance.vl.json") })
            #expect(chosen.notes.contains("Decision: "))
            #expect(chosen.summary["charts/runs_roc_auc_table"] != nil, "the runs compared in a W&B bar chart")
            #expect(offline.runs.filter { $0.tags.contains("chosen") }.count == 1)
        }

        @Test func withoutRunsNoScriptIsWritten() async throws {
            let ws = try scratchFolder("wandb-empty")
            let r = try await SessionExportCLITests.mlexp(["export", "wandb"], in: ws)
            #expect(r.status != 0)
            #expect(r.err.contains("nothing to send to W&B"), "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("EXPERIMENTS-wandb.py").path))
        }

        @Test func aProjectNameWandbRefusesStopsBeforeAnythingIsWritten() async throws {
            let (ws, _) = try await SessionExportCLITests.session.value
            let r = try await SessionExportCLITests.mlexp(
                ["export", "wandb", "--out", "refused.py", "--project", "team/titanic"], in: ws)
            #expect(r.status != 0)
            #expect(r.err.contains("cannot contain '/'") && r.err.contains("--project team-titanic"), "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("refused.py").path))
            // The session commands check it before the session starts.
            let empty = try scratchFolder("wandb-refused")
            try FileManager.default.copyItem(
                at: Repository.datasets.appendingPathComponent("penguins.csv"),
                to: empty.appendingPathComponent("penguins.csv"))
            let run = try await SessionExportCLITests.mlexp(
                ["run", "penguins.csv", "--target", "species", "--model", "autopilot", "--wandb", "a:b"], in: empty)
            #expect(run.status != 0 && run.err.contains("cannot contain ':'"), "\(run.err)")
            #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("EXPERIMENTS.md").path))
        }
    }
}
