// `mlexp export wandb`: writes one Python script that, run where the wandb SDK is installed, logs the
// session to Weights & Biases (one W&B run per mlexp run, one group per problem, the log as an
// artifact). Wiring only: the mapping lives in Tracking/Export (WandbExport, WandbScript).
import ArgumentParser
import Foundation
import Tracking

struct ExportWandbCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wandb",
        abstract:
            "Write a Python script that logs the session to Weights & Biases (run it with `python FILE` where wandb is installed).",
        discussion: """
            One W&B run per mlexp run (config, validation metrics with their CI, per-fold history, charts,
            tags baseline / chosen / tuned), one W&B group per problem, the experiment log as an artifact.
            Offline: `WANDB_MODE=offline python FILE`, then `wandb sync wandb/offline-run-*`.
            """)

    @OptionGroup var options: RunStoreOptions
    @Option(name: .long, help: "The script to write (default: \(WandbScript.defaultName) in the workspace).")
    var out: String?
    @Option(name: .long, help: "The W&B project the runs go to.") var project: String = "mlexp"
    @Option(name: .long, help: "The W&B entity (user or team); default: your default entity.") var entity: String?

    func validate() throws {
        do {
            try WandbNames.checkProject(project)
            if let entity { try WandbNames.checkEntity(entity) }
        } catch { throw ValidationError(error.message) }
    }

    func run() async throws {
        let workspace = options.workspaceURL
        let report = try SessionReport.load(workspace: workspace, requireLog: false)
        let export = try WandbExport(report, project: project, entity: entity, workspace: workspace.path)
        let script = WandbScript.python(
            export, generator: "mlexp \(MLExp.configuration.version)", workspace: workspace.path)
        let file = try ExportFile.write(script, to: out, default: WandbScript.defaultName, workspace: workspace)
        print(WandbOptions.summary(file, export))
    }
}
