// The hand-off as a user goes through it, with the mlexp binary: `mlexp run titanic.csv --model
// autopilot` prints the explained model's importance as Unicode bars; `mlexp export notebook` writes a
// notebook that (with the test venv) nbformat validates, nbconvert renders, and whose Python cells
// run, the text run's included; `mlexp export html` writes one self-contained file.
import Foundation
import TestSupport
import Testing

@testable import Tracking

extension CLISessionTests {
    @Suite struct SessionExportCLITests {
        /// `mlexp` in `folder`, on a thread of its own (a session takes seconds; the shared test pool stays free).
        static func mlexp(_ arguments: [String], in folder: URL) async throws -> (
            status: Int32, out: String, err: String
        ) {
            try await withCheckedThrowingContinuation { done in
                Thread { done.resume(with: Result { try runMLExp(arguments, in: folder) }) }.start()
            }
        }

        /// One Autopilot session on titanic, shared by the tests of this suite.
        static let session: Task<(URL, String), any Error> = Task {
            let ws = try scratchFolder("session-cli")
            try FileManager.default.copyItem(
                at: Repository.datasets.appendingPathComponent("titanic.csv"),
                to: ws.appendingPathComponent("titanic.csv"))
            let r = try await mlexp(
                ["run", "titanic.csv", "--target", "survived", "--model", "autopilot", "--wandb", "mlexp-session"],
                in: ws)
            guard r.status == 0 else { throw TrackingError(.io, "mlexp run failed: \(r.err)") }
            return (ws, r.out)
        }

        @Test func runPrintsTheImportanceAsUnicodeBarsAfterTheExplanation() async throws {
            let (_, out) = try await Self.session.value
            let lines = out.components(separatedBy: "\n")
            let explained = try #require(lines.firstIndex { $0.contains("explain_model") })
            let chart = try #require(
                lines[explained...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "Feature importance" })
            #expect(chart == explained + 1)
            // sex leads titanic's importance; its bar is drawn with block characters and an interval.
            let sex = try #require(lines[chart...].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("sex ") })
            #expect(sex.contains("│█") && sex.contains("┤"))
            #expect(lines[chart...].contains { $0.contains("└──") })
        }

        @Test func exportNotebookAndHTMLFromTheSession() async throws {
            let (ws, _) = try await Self.session.value
            let nb = try await Self.mlexp(["export", "notebook", "--out", "session.ipynb"], in: ws)
            #expect(nb.status == 0, "\(nb.err)")
            let text = try String(contentsOf: ws.appendingPathComponent("session.ipynb"), encoding: .utf8)
            #expect(
                text.contains("TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=1000, sublinear_tf=True)"))
            let html = try await Self.mlexp(["export", "html", "--out", "session.html"], in: ws)
            #expect(html.status == 0, "\(html.err)")
            let page = try String(contentsOf: ws.appendingPathComponent("session.html"), encoding: .utf8)
            #expect(page.contains("<svg") && page.contains("Feature importance"))
            #expect(!page.contains("src=\"http") && !page.contains("href=\"http"), "the report must not load anything")
        }

        @Test(.enabled(if: VenvPython.enabled)) func sessionNotebookValidatesRendersAndItsPythonRuns() async throws {
            let (ws, _) = try await Self.session.value
            let nb = try await Self.mlexp(["export", "notebook", "--out", "checked.ipynb"], in: ws)
            #expect(nb.status == 0, "\(nb.err)")
            let script = """
                import contextlib, io, os, sys, nbformat
                from nbconvert import HTMLExporter
                os.chdir(sys.argv[1])
                nb = nbformat.read("checked.ipynb", as_version=4)
                nbformat.validate(nb)
                HTMLExporter().from_notebook_node(nb)
                cells = list(dict.fromkeys(c.source for c in nb.cells if c.cell_type == "code" and "cross_validate(" in c.source))
                assert len(cells) >= 3, len(cells)
                for code in cells:
                    out = io.StringIO()
                    with contextlib.redirect_stdout(out):
                        exec(compile(code, "cell", "exec"), {})
                    assert "roc_auc: " in out.getvalue(), (code, out.getvalue())
                print(len(cells))
                """
            let r = try await VenvPython.run(script, [ws.path])
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        }
    }
}
