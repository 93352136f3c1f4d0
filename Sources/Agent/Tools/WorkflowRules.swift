// The rules of the workflow, held by the tools so that a weak model cannot break them: no model but
// the baseline until the baseline's run exists for that dataset and target (in the store, from this
// session or an earlier one). Each refusal says what to call instead.
// Leaves out: the sealed test split's single evaluation (ComputeMetricsTool) and the log's numbers
// (AppendLogTool).

import Foundation
import Tracking

enum WorkflowRules {
    /// Throws unless `model` is the baseline or the baseline run of `d`'s target exists.
    static func requireBaseline(before model: String, dataset d: LoadedDataset, context: ToolContext) throws {
        guard model != "baseline", let target = d.target else { return }
        let runs = (try? context.store.list(datasetFingerprint: d.fingerprint)) ?? []
        guard !runs.contains(where: { $0.modelFamily == "baseline" && $0.target == target.column }) else { return }
        throw ToolError(
            "no baseline run exists yet for dataset '\(d.id)' and target '\(target.column)'; every other model is compared with it. Call train_model with model \"baseline\" first, then \(model)."
        )
    }
}
