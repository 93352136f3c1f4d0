// Which workflow steps the session's tools have done that the store does not show: a comparison with
// confidence intervals (compare_runs, or compute_metrics with compare_to) and an explanation
// (explain_model). An observer of the loop; `progress` adds the store's and the log's side.

import Foundation
import LLMClient
import Synchronization

public final class WorkflowSteps: AgentObserver {
    private struct State {
        var explained = false
        var compared = false
    }
    private let state = Mutex(State())

    public init() {}

    public func handle(_ event: AgentEvent) {
        guard case .toolFinished(let call, let outcome) = event, !outcome.isError else { return }
        state.withLock { s in
            switch call.name {
            case "explain_model": s.explained = true
            case "compare_runs": s.compared = true
            case "compute_metrics" where call.arguments.contains("compare_to"): s.compared = true
            default: break
            }
        }
    }

    public func progress(_ context: ToolContext) -> SessionProgress {
        let (explained, compared) = state.withLock { ($0.explained, $0.compared) }
        return SessionProgress.read(context, explained: explained, compared: compared)
    }
}
