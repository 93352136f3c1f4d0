// The notebook export of a session workspace (ExportWorkspace): nbformat 4.5 structure, one
// hypothesis cell per experiment, charts as Vega-Lite + SVG outputs, reproduction cells; and with
// the test venv, nbformat validates it, nbconvert renders it, and its Python cells run.
import Foundation
import Languages
import TestSupport
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct NotebookExportTests {
        func export(_ language: Language = .en) async throws -> (URL, [String: Any]) {
            let ws = try await ExportWorkspace.make(language: language)
            let notebook = NotebookBuilder.notebook(try SessionReport.load(workspace: ws))
            let file = ws.appendingPathComponent("session.ipynb")
            try notebook.serialized().write(to: file, atomically: true, encoding: .utf8)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            return (ws, json)
        }

        func cells(_ nb: [String: Any]) -> [[String: Any]] { nb["cells"] as? [[String: Any]] ?? [] }

        func source(_ cell: [String: Any]) -> String { (cell["source"] as? [String])?.joined() ?? "" }

        @Test func notebookIsNbformat45WithUniqueValidCellIDs() async throws {
            let (_, nb) = try await export()
            #expect(nb["nbformat"] as? Int == 4 && nb["nbformat_minor"] as? Int == 5)
            let ids = cells(nb).compactMap { $0["id"] as? String }
            #expect(ids.count == cells(nb).count && Set(ids).count == ids.count)
            #expect(
                ids.allSatisfy { id in
                    !id.isEmpty && id.count <= 64
                        && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                })
        }

        @Test func oneHypothesisCellPerExperimentInTheLogsOrder() async throws {
            let (_, nb) = try await export()
            let markdown = cells(nb).filter { $0["cell_type"] as? String == "markdown" }.map(source)
            let hypotheses = markdown.filter { $0.contains("**Hypothesis**") }
            #expect(hypotheses.count == 3)
            #expect(
                hypotheses.map { $0.split(separator: "\n")[0] } == [
                    "## Experiment #1 — Baseline", "## Experiment #2 — Logistic regression",
                    "## Experiment #3 — Gradient boosting",
                ])
            #expect(markdown.first?.contains("Tell the three wine cultivars apart") == true)
            #expect(markdown.last?.hasPrefix("## Decision\n\nKeep the logistic regression (r") == true)
        }

        @Test func frenchLogGivesFrenchHeadings() async throws {
            let (_, nb) = try await export(.fr)
            let markdown = cells(nb).filter { $0["cell_type"] as? String == "markdown" }.map(source)
            #expect(markdown.filter { $0.contains("**Hypothèse**") }.count == 3)
            #expect(markdown.contains { $0.hasPrefix("## Décision") })
        }

        @Test func chartsAreVegaLiteWithSVGAndTextFallbacks() async throws {
            let (_, nb) = try await export()
            let outputs = cells(nb).flatMap { $0["outputs"] as? [[String: Any]] ?? [] }
            // A comparison per experiment, the saved importance chart, and the overview of all runs.
            #expect(outputs.count == 5)
            for o in outputs {
                #expect(o["output_type"] as? String == "display_data")
                let data = try #require(o["data"] as? [String: Any])
                let spec = try #require(data["application/vnd.vegalite.v5+json"] as? [String: Any])
                #expect(spec["$schema"] as? String == VegaLiteEncoder.schema)
                let svg = ((data["image/svg+xml"] as? [String]) ?? []).joined()
                _ = try SVGProbe(svg)
                #expect(data["text/plain"] != nil)
            }
            let titles = outputs.compactMap {
                (($0["data"] as? [String: Any])?["application/vnd.vegalite.v5+json"] as? [String: Any])?["title"]
                    as? String
            }
            #expect(titles.filter { $0 == "Feature importance" }.count == 1)
            #expect(titles.filter { $0 == "Comparison of runs on accuracy" }.count == 4)
        }

        @Test func eachRunHasACommandLineAndAScikitLearnCell() async throws {
            let (_, nb) = try await export()
            let code = cells(nb).filter { $0["cell_type"] as? String == "code" }.map(source)
            let cli = code.filter { $0.contains("!mlexp train") }
            #expect(cli.count == 3)
            #expect(
                cli.contains {
                    $0.contains("!mlexp train wine.csv --target target --model gbdt --seed 42 --cv 5 ")
                        && $0.hasSuffix(" --set learningRate=0.1 --set maxLeafNodes=15")
                })
            let python = code.filter { $0.contains("cross_validate(") }
            #expect(python.count == 3)
            #expect(
                python.contains {
                    $0.contains("HistGradientBoostingClassifier(learning_rate=0.1, max_leaf_nodes=15, random_state=42)")
                })
            #expect(python.contains { $0.contains("LogisticRegression(C=1.0, max_iter=200, random_state=42)") })
        }

        @Test(.enabled(if: VenvPython.enabled)) func nbformatValidatesAndNbconvertRendersIt() async throws {
            let (ws, _) = try await export()
            let script = """
                import sys, nbformat
                from nbconvert import HTMLExporter
                nb = nbformat.read(sys.argv[1], as_version=4)
                nbformat.validate(nb)
                hyps = sum(1 for c in nb.cells if c.cell_type == "markdown" and "hypoth" in c.source.lower())
                charts = sum(1 for c in nb.cells for o in c.get("outputs", []) if any(k.startswith(("image/", "application/vnd.vegalite")) for k in o.get("data", {})))
                body, _ = HTMLExporter().from_notebook_node(nb)
                assert hyps == 3 and charts == 5, (hyps, charts)
                # nbconvert shows the SVG fallback (as an image) for each chart output.
                assert "Gradient boosting" in body, "rendered HTML lacks the experiments"
                assert body.count('data-mime-type="image/svg+xml"') == 5, "rendered HTML lacks the charts"
                print(len(body))
                """
            let r = try await VenvPython.run(script, [ws.appendingPathComponent("session.ipynb").path])
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        }

        @Test(.enabled(if: VenvPython.enabled)) func scikitLearnCellsRunAndScoreLikeTheRuns() async throws {
            let (ws, nb) = try await export()
            let python = cells(nb).filter { $0["cell_type"] as? String == "code" }.map(source).filter {
                $0.contains("cross_validate(")
            }
            // One interpreter runs every cell (in its own namespace) to pay scikit-learn's import once.
            let cellsFile = ws.appendingPathComponent("cells.json")
            try JSONSerialization.data(withJSONObject: python).write(to: cellsFile)
            let script = """
                import contextlib, io, json, os, sys
                os.chdir(sys.argv[1])
                for i, code in enumerate(json.load(open(sys.argv[2]))):
                    out = io.StringIO()
                    with contextlib.redirect_stdout(out):
                        exec(compile(code, f"cell{i}", "exec"), {})
                    print(f"== cell {i}"); print(out.getvalue())
                """
            let r = try await VenvPython.run(script, [ws.path, cellsFile.path])
            #expect(r.status == 0, "\(r.stderr)")
            var accuracies: [String: Double] = [:]
            for (i, code) in python.enumerated() {
                let output = r.stdout.components(separatedBy: "== cell \(i)\n").dropFirst().first ?? ""
                let line = output.split(separator: "\n").first { $0.hasPrefix("accuracy: ") }
                let value = line.flatMap { Double($0.dropFirst("accuracy: ".count).prefix(6)) }
                accuracies[code.contains("Dummy") ? "baseline" : code.contains("Logistic") ? "logistic" : "gbdt"] =
                    value
            }
            // scikit-learn on wine: the majority class is 40 %, a scaled logistic regression ~98 %.
            #expect(abs((accuracies["baseline"] ?? 0) - 0.40) < 0.02)
            #expect((accuracies["logistic"] ?? 0) > 0.95)
            #expect((accuracies["gbdt"] ?? 0) > 0.9)
        }
    }
}
