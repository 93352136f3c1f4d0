// SessionMessage in English.

extension SessionMessage {
    var english: String {
        switch self {
        case .autopilotBanner(let why):
            "Model: Autopilot — a built-in deterministic rule-based engine, NOT an LLM (\(why))."
        case .chosenWithFlag: "chosen with --model autopilot"
        case .noEndpoint: "no endpoint configured: --base-url, OPENAI_BASE_URL or .mlexp/config.json"
        case .checkingToolCalls: "Checking tool calls…"
        case .unknownWindow: "unknown (give it with --context N)"
        case .toolCalls(let mode, let reason, let window, let small, let maxTokens):
            "Tool calls: \(mode) (\(reason)) · context: \(window) · prompt: \(small ? "small" : "full") · answer ≤ \(maxTokens) tokens"
        case .chatHelp: "/help for commands, Ctrl-C cancels an answer, Ctrl-D leaves."
        case .howToLeave: "(Ctrl-D or /exit to leave)"
        case .chatFirst(let data, let target):
            "Load \(data)\(target.map { " with target '\($0)'" } ?? "") and frame the problem."
        case .didNothing:
            "The session did nothing: no run and no log entry. Check the model with `mlexp doctor`, try --tool-calls structured, or --model autopilot."
        case .logAt(let path): "Log: " + path
        case .referenceLabel(let column):
            " The column '\(column)' is a known label: use it only as a reference (train_model reference), never as a feature."
        case .clusteringRequest(let path, let goal, let reference):
            "Run a complete clustering session on \(path): there is no target. \(goal)\(reference) Load the data without a target, try k-means over several values of k, choose k by silhouette, log every experiment and end with a decision."
        case .request(let path, let target, let goal):
            "Run a complete experiment session on \(path) to predict '\(target)'. \(goal) Frame the problem, train the baseline first, compare models with confidence intervals, explain the best one, log every experiment and end with a decision."
        case .resuming(let what, let file, let n, let p):
            "Resuming \(what.isEmpty ? "the session" : what) from \(file): \(n) messages, \(p) call\(p == 1 ? "" : "s") to run again."
        case .importanceMeasure(let method):
            switch method {
            case "gain": "gain (share of the loss reduction)"
            case "shap": "mean |SHAP value|"
            default: "permutation importance (drop in the main metric)"
            }
        }
    }
}
