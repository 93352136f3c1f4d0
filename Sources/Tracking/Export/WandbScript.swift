// The Python script of `mlexp export wandb`: the WandbExport values as Python literals (exact
// numbers) and a short fixed program that sends them with the real wandb SDK, online after `wandb
// login` or offline (WANDB_MODE=offline, then `wandb sync`). Each chart is carried once as the
// notebook's Vega-Lite spec, from which the script makes a W&B table (the layers' data) and puts the
// spec in the log artifact, and as its SVG (an HTML panel); the runs of each problem are compared in a
// W&B bar chart on the main metric.
// Leaves out: running the script (people do, where wandb is installed) and any recomputation.
import Foundation

/// Writes the W&B script of a session.
public enum WandbScript {
    /// The file name `--wandb` writes beside the log, and `export wandb`'s default.
    public static let defaultName = "EXPERIMENTS-wandb.py"

    /// The script's text.
    public static func python(_ export: WandbExport, generator: String = "mlexp", workspace: String = ".") -> String {
        var s = header(export, generator: generator, workspace: workspace)
        s += "PROJECT = \(OrderedJSON.string(export.project).python())\n"
        s += "ENTITY = \(export.entity.map { OrderedJSON.string($0).python() } ?? "None")\n\n"
        s += "# One entry per problem (dataset + target): its W&B group, the run that carries the log, the\n"
        s += "# chosen run, the runs side by side on the main metric, and the experiment log (EXPERIMENTS.md).\n"
        s += "PROBLEMS = \(OrderedJSON.array(export.problems.map { problem($0, export) }).python(indent: 4))\n\n"
        s += "# One entry per mlexp run, oldest first; every number comes from the run store.\n"
        s += "RUNS = \(OrderedJSON.array(export.runs.map(run)).python(indent: 4))\n"
        s += program
        return s
    }

    static func header(_ export: WandbExport, generator: String, workspace: String) -> String {
        let problems = export.problems.count
        return """
            #!/usr/bin/env python3
            # Sends an mlexp session to Weights & Biases: \(export.runs.count) mlexp run(s) as \(export.runs.count) W&B run(s), \
            \(problems) problem(s) as W&B group(s).
            # Written by \(generator) (`mlexp export wandb`) from the run store and the experiment log of
            # \(workspace): every number comes from the store, the prose from the log; nothing is recomputed.
            #
            #   pip install wandb
            #   wandb login && python THIS_FILE                  # straight to W&B
            #   WANDB_MODE=offline python THIS_FILE              # without network, then from a machine with it:
            #   wandb sync wandb/offline-run-*
            #
            # Run it once: each run makes new W&B runs.
            import json

            import wandb


            """
    }

    static func problem(_ p: WandbExport.Problem, _ export: WandbExport) -> OrderedJSON {
        var bars: [OrderedJSON] = []
        if let metric = p.metric {
            for r in export.runs where p.runIDs.contains(r.id) {
                if let v = r.summary["val/\(metric)"] { bars.append([.string(r.name), v]) }
            }
        }
        return .object([
            ("group", .string(p.group)), ("anchor", .string(p.anchor)),
            ("chosen", p.chosen.map(OrderedJSON.string) ?? .null), ("artifact", .string(p.artifact)),
            ("metric", p.metric.map(OrderedJSON.string) ?? .null), ("bars", .array(bars)),
            ("overview", p.overview.map(chart) ?? .null), ("log", .string(p.log)),
        ])
    }

    static func run(_ r: WandbExport.Run) -> OrderedJSON {
        .object([
            ("id", .string(r.id)), ("name", .string(r.name)), ("group", .string(r.group)),
            ("tags", .array(r.tags.map(OrderedJSON.string))), ("notes", .string(r.notes)), ("config", r.config),
            ("summary", r.summary), ("folds", .array(r.folds)), ("charts", .array(r.charts.map(chart))),
        ])
    }

    /// A chart as the notebook has it: its Vega-Lite spec (JSON text, whose layers' data become the
    /// W&B table) and its SVG.
    static func chart(_ c: Chart) -> OrderedJSON {
        .object([
            ("kind", .string(WandbNames.artifactName(c.kind))), ("title", .string(c.title)),
            ("vega_lite", .string(VegaLiteEncoder.encode(c).serialized())), ("svg", .string(SVGRenderer.render(c))),
        ])
    }

    /// The fixed part of the script: sends PROBLEMS and RUNS with the wandb SDK.
    static let program = #"""


        def table(chart):
            """The chart's data as a W&B table: one row per datum of each layer of its Vega-Lite spec."""
            rows = []
            for number, layer in enumerate(json.loads(chart["vega_lite"]).get("layer", [])):
                mark = layer.get("mark", {}).get("type")
                for value in layer.get("data", {}).get("values", []):
                    rows.append(dict({"layer": str(number), "mark": mark}, **value))
            columns = list(dict.fromkeys(key for row in rows for key in row))
            return wandb.Table(columns=columns, data=[[row.get(c) for c in columns] for row in rows],
                               allow_mixed_types=True)


        def panels(chart):
            """A chart as a W&B table and an HTML panel of its SVG."""
            key = "charts/" + chart["kind"]
            return {key: table(chart), key + "_svg": wandb.Html(chart["svg"], inject=False)}


        def log_problem(run, problem):
            """The log and the charts' Vega-Lite specs as one artifact; returns the runs' comparison charts."""
            artifact = wandb.Artifact(
                problem["artifact"], type="experiment-log",
                description="mlexp experiment log of " + problem["group"] + ", with the charts' Vega-Lite specs",
                metadata={"group": problem["group"], "chosen_run": problem["chosen"], "main_metric": problem["metric"]})
            with artifact.new_file("EXPERIMENTS.md", mode="w", encoding="utf-8") as f:
                f.write(problem["log"])
            charts = [("charts/%s/%s.vl.json" % (spec["id"], chart["kind"]), chart)
                      for spec in RUNS if spec["group"] == problem["group"] for chart in spec["charts"]]
            if problem["overview"]:
                charts.append(("charts/%s.vl.json" % problem["overview"]["kind"], problem["overview"]))
            for path, chart in charts:
                with artifact.new_file(path, mode="w", encoding="utf-8") as f:
                    f.write(chart["vega_lite"])
            run.log_artifact(artifact)
            compared = panels(problem["overview"]) if problem["overview"] else {}
            if problem["bars"]:
                bars = wandb.Table(columns=["run", problem["metric"]], data=problem["bars"])
                title = "Runs on " + problem["metric"] + " (validation)"
                compared["charts/runs_" + problem["metric"]] = wandb.plot.bar(bars, "run", problem["metric"], title=title)
            return compared


        def main():
            carriers = {problem["anchor"]: problem for problem in PROBLEMS}
            offline = False
            for spec in RUNS:
                with wandb.init(
                    project=PROJECT, entity=ENTITY, name=spec["name"], group=spec["group"], job_type="train",
                    tags=spec["tags"], notes=spec["notes"], config=spec["config"],
                ) as run:
                    offline = offline or run.offline
                    # Per-fold validation metrics as history, with the fold as their x axis and no summary of their own.
                    run.define_metric("fold", hidden=True, summary="none")
                    run.define_metric("fold/*", step_metric="fold", summary="none")
                    for fold in spec["folds"]:
                        run.log(fold)
                    charts = {}
                    for chart in spec["charts"]:
                        charts.update(panels(chart))
                    if spec["id"] in carriers:
                        charts.update(log_problem(run, carriers[spec["id"]]))
                    if charts:
                        run.log(charts)
                    run.summary.update(spec["summary"])
            where = "wandb/ (offline): send them with `wandb sync wandb/offline-run-*`" if offline else "project " + PROJECT
            print("mlexp: %d run(s) logged to W&B, %s" % (len(RUNS), where))


        if __name__ == "__main__":
            main()

        """#
}
