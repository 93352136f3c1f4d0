// Calls whose work depends on the clock are pinned, in a replay, to what the recording did, so a slower or
// faster machine re-runs the same work:
// - a tune_model search stops starting trials when its time budget is spent: one the clock stopped after n
//   trials replays with `max_trials` n, and every replayed search gets the largest budget the schema allows
//   (1800 s), so the replay's clock cannot stop it earlier than the recording's did;
// - a train_model whose params.max_seconds stopped its first fold after n iterations replays with max_iter n
//   and no limit (one the limit did not cut, without the limit);
// - an explanation whose time budget cut nothing replays without it.
// The call shown in the report stays the recorded one. Leaves out: other tools (none reads the clock for
// anything but timings, which the comparison ignores), and an explanation the budget did cut (its sample
// size is not an argument).

public import LLMClient

public enum ReplayPinning {
    /// `call` with its clock-dependent arguments fixed from `recorded`, the recorded result of the same call.
    public static func pinned(_ call: ToolCall, recorded: RecordedMessage?) -> ToolCall {
        switch call.name {
        case "tune_model": rewriting(call, recorded, pinSearch)
        case "train_model": rewriting(call, recorded, pinTimeLimit)
        case "explain_model": rewriting(call, recorded, pinExplanation)
        default: call
        }
    }

    /// `call` with its arguments changed by `pin` (given the recorded result); unchanged when the recording
    /// failed or cannot be read, or when `pin` changes nothing (returns false).
    private static func rewriting(
        _ call: ToolCall, _ recorded: RecordedMessage?,
        _ pin: (_ result: JSONValue, _ arguments: inout [String: JSONValue]) -> Bool
    ) -> ToolCall {
        guard let recorded, recorded.isError != true,
            let result = try? JSONValue.parse(recorded.message.content ?? ""), result["error"] == nil,
            case .object(var arguments)? = try? JSONValue.parse(call.arguments), pin(result, &arguments)
        else { return call }
        var out = call
        out.arguments = JSONValue.object(arguments).text
        return out
    }

    private static func pinSearch(_ result: JSONValue, _ arguments: inout [String: JSONValue]) -> Bool {
        arguments["time_budget_seconds"] = .number(1800)
        if result["stopped_by_budget"]?.boolValue == true, let evaluated = result["evaluated"]?.intValue, evaluated > 0
        {
            arguments["max_trials"] = .number(Double(min(evaluated, arguments["max_trials"]?.intValue ?? evaluated)))
        }
        return true
    }

    private static func pinTimeLimit(_ result: JSONValue, _ arguments: inout [String: JSONValue]) -> Bool {
        guard case .object(var params)? = arguments["params"],
            params.removeValue(forKey: "max_seconds") ?? params.removeValue(forKey: "maxSeconds") != nil
        else { return false }
        if let iterations = result["time_limited_iterations"]?.intValue {
            params["max_iter"] = .number(Double(iterations))
        }
        arguments["params"] = .object(params)
        return true
    }

    /// explain_model under a time budget leaves out the learning curve and samples rows from timings; a
    /// recording whose budget cut nothing (no `time_budget` note) replays without the budget, so a slower
    /// machine does the same, whole work.
    private static func pinExplanation(_ result: JSONValue, _ arguments: inout [String: JSONValue]) -> Bool {
        guard result["time_budget"] == nil, arguments["time_budget_seconds"] != nil else { return false }
        arguments["time_budget_seconds"] = nil
        return true
    }
}
