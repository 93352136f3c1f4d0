// The repair of a train_model call refused because the baseline does not exist yet: the baseline is
// trained instead, the step the refusal names. A small model sent back "train_model linear" unchanged
// until the session stopped (penguins, Qwen2.5-Coder-1.5B at 4,096 tokens); the loop uses this repair
// only then, once, and the result says what ran instead and that the model it asked for can run now.
// Leaves out: the rule itself (WorkflowRules), when a repair is tried (AgentLoop).

import Foundation
import Languages

extension TrainModelTool {
    public func repaired(_ arguments: JSONValue, in context: ToolContext) -> (arguments: JSONValue, note: String)? {
        guard let model = arguments["model"]?.stringValue, model != "baseline",
            let d = try? context.session.dataset(arguments["dataset_id"]?.stringValue), d.target != nil,
            (try? WorkflowRules.requireBaseline(before: model, dataset: d, context: context)) == nil
        else { return nil }
        var fields: [String: JSONValue] = [
            "model": "baseline",
            "hypothesis": .string(ToolMessage.baselineHypothesis.text(context.session.language)),
        ]
        if let id = arguments["dataset_id"] { fields["dataset_id"] = id }
        let note = ToolMessage.baselineFirst(model: model).text(context.session.language)
        return (.object(fields), note)
    }
}
