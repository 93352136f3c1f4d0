// After an explain_model call in `mlexp run`: the top features' importance as compact Unicode bars
// (Tracking's TerminalChart), with ± one standard deviation over the repeats, under the tool's line,
// titled in the session's language.
// An AgentObserver placed after the SessionRenderer. Leaves out: the other explanation charts (SHAP,
// partial dependence, errors), which `mlexp export notebook|html` draws from the run store.

import Agent
import Foundation
import Languages
import Tracking

/// Prints the importance chart of each successful explanation.
struct ImportanceBars: AgentObserver {
    let terminal: Terminal
    var language: Language = .en

    func handle(_ event: AgentEvent) {
        guard case .toolFinished(let call, let outcome) = event, call.name == "explain_model", !outcome.isError,
            let chart = Self.chart(outcome.content, language: language)
        else { return }
        terminal.line(
            chart.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
    }

    /// The bars of explain_model's `importance` list (at most `top` features), or nil when it has none.
    static func chart(_ content: String, top: Int = 8, language: Language = .en) -> String? {
        guard let result = try? JSONValue.parse(content), let items = result["importance"]?.arrayValue else {
            return nil
        }
        let features = items.compactMap { item -> FeatureImportanceInput.Feature? in
            guard let name = item["feature"]?.stringValue, let mean = item["importance"]?.doubleValue, mean.isFinite
            else { return nil }
            let std = item["std"]?.doubleValue.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
            return FeatureImportanceInput.Feature(name: name, mean: mean, std: std)
        }
        let measure = SessionMessage.importanceMeasure(method: result["method"]?.stringValue ?? "permutation").text(
            language)
        guard
            let chart = try? Chart.featureImportance(
                FeatureImportanceInput(measure: measure, features: features, top: top),
                language: language)
        else {
            return nil
        }
        return TerminalChart.render(chart, width: 40)
    }
}
