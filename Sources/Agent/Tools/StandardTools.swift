// The tools every session offers, and the registry built from them with the embedded schemas.
// One place lists them, so `run`, `chat`, replay and eval offer the same contract.

/// The standard tool set.
public enum StandardTools {
    /// Every tool, in the order the model sees them.
    public static var all: [any AgentTool] {
        [
            LoadDataTool(), TrainModelTool(), ComputeMetricsTool(), ExplainModelTool(), AppendLogTool(), ListRunsTool(),
            CompareRunsTool(), TuneModelTool(), ProfileColumnTool(), FinalizeModelTool(),
        ]
    }

    /// The registry of every standard tool, in `context`.
    public static func registry(_ context: ToolContext) throws(ToolError) -> ToolRegistry {
        try ToolRegistry(tools: all, schemas: EmbeddedResources.toolSchemas, context: context)
    }
}
