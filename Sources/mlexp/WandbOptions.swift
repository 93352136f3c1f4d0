// `--wandb PROJECT` for the session commands (run, chat): at the end of a session the W&B script of
// its runs is written beside the log (EXPERIMENTS-wandb.py), and one notice says how to send it.
// The project name is checked against W&B's rules before the session starts.
import ArgumentParser
import Foundation
import Tracking

struct WandbOptions: ParsableArguments {
    @Option(
        name: .customLong("wandb"),
        help:
            "At the end of the session, write a script that logs its runs to this Weights & Biases project (\(WandbScript.defaultName), beside the log)."
    )
    var project: String?

    func validate() throws {
        guard let project else { return }
        do { try WandbNames.checkProject(project) } catch { throw ValidationError(error.message) }
    }

    /// Writes the session's script when --wandb was given, and says how to send it through `notice`.
    func finishSession(workspace: URL, session: String, notice: @Sendable (String) -> Void) {
        guard let project else { return }
        do {
            let report = try SessionReport.load(workspace: workspace, requireLog: false)
            let export = try WandbExport(report, project: project, session: session, workspace: workspace.path)
            let script = WandbScript.python(
                export, generator: "mlexp \(MLExp.configuration.version)", workspace: workspace.path)
            let file = try ExportFile.write(script, to: nil, default: WandbScript.defaultName, workspace: workspace)
            notice(Self.summary(file, export))
        } catch let error as TrackingError {
            notice("W&B: no script written. \(error.message)")
        } catch {
            notice("W&B: no script written (\(error)).")
        }
    }

    /// What was written and how to send it, online or offline.
    static func summary(_ file: URL, _ export: WandbExport) -> String {
        let name = file.lastPathComponent
        let groups = export.problems.count
        var s =
            "Wrote \(file.path): \(export.runs.count) run(s) in \(groups) group(s) for W&B project \(export.project)."
        s += " Send it with `python \(name)` after `wandb login`;"
        s += " offline: `WANDB_MODE=offline python \(name) && wandb sync wandb/offline-run-*`."
        if export.skippedNonFinite > 0 {
            s += " \(export.skippedNonFinite) metric value(s) that are not finite were left out."
        }
        return s
    }
}
