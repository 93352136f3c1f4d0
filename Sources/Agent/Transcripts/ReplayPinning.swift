// Calls whose work depends on the clock are pinned, in a replay, to what the recording did, so a slower or
// faster machine re-runs the same work: a tune_model search stops starting trials when its time budget is
// spent, so one the clock stopped after n trials replays with `max_trials` n, and every replayed search gets
// the largest budget the schema allows (1800 s), so the replay's clock cannot stop it earlier than the
// recording's did; an explanation whose time budget cut nothing replays without it. The call shown in the
// report stays the recorded one; a train_model whose max_seconds stopped its first fold after n iterations
// replays with max_iter n and no limit. Leaves out: other tools (none reads the clock for anything but timings,
// which the comparison ignores), and an explanation the budget did cut (its sample size is not an argument).

public import LLMClient

public enum ReplayPinning {
    /// `call` with its clock-dependent arguments fixed from `recorded`, the recorded result of the same call.
    public static func pinned(_ call: ToolCall, recorded: RecordedMessage?) -> ToolCall {
        if call.name == "explain_model" { return pinnedExplanation(call, recorded: recorded) }
        if call.name == "train_model" { return pinnedTimeLimit(call, recorded: recorded) }
        guard call.name == "tune_model", let recorded, recorded.isError != true,
            let result = try? JSONValue.parse(recorded.message.content ?? ""), result["error"] == nil,
            case .object(var arguments)? = try? JSONValue.parse(call.arguments)
        else { return call }
        arguments["time_budget_seconds"] = .number(1800)
        if result["stopped_by_budget"]?.boolValue == true, let evaluated = result["evaluated"]?.intValue, evaluated > 0
        {
            arguments["max_trials"] = .number(Double(min(evaluated, arguments["max_trials"]?.intValue ?? evaluated)))
        }
        var out = call
        out.arguments = JSONValue.object(arguments).text
        return out
    }

    /// train_model with params.max_seconds: the iteration count the recording's clock reached (or the
    /// requested count, when the limit cut nothing) as max_iter, and no limit, so a replay fits the same models.
    static func pinnedTimeLimit(_ call: ToolCall, recorded: RecordedMessage?) -> ToolCall {
        guard let recorded, recorded.isError != true,
            let result = try? JSONValue.parse(recorded.message.content ?? ""), result["error"] == nil,
            case .object(var arguments)? = try? JSONValue.parse(call.arguments),
            case .object(var params)? = arguments["params"]
        else { return call }
        let limit = params.removeValue(forKey: "max_seconds") ?? params.removeValue(forKey: "maxSeconds")
        guard limit != nil else { return call }
        if let iterations = result["time_limited_iterations"]?.intValue {
            params["max_iter"] = .number(Double(iterations))
        }
        arguments["params"] = .object(params)
        var out = call
        out.arguments = JSONValue.object(arguments).text
        return out
    }

    /// explain_model under a time budget leaves out the learning curve and samples rows from timings; a
    /// recording whose budget cut nothing (no `time_budget` note) replays without the budget, so a slower
    /// machine does the same, whole work.
    static func pinnedExplanation(_ call: ToolCall, recorded: RecordedMessage?) -> ToolCall {
        guard let recorded, recorded.isError != true,
            let result = try? JSONValue.parse(recorded.message.content ?? ""), result["error"] == nil,
            result["time_budget"] == nil,
            case .object(var arguments)? = try? JSONValue.parse(call.arguments),
            arguments["time_budget_seconds"] != nil
        else { return call }
        arguments["time_budget_seconds"] = nil
        var out = call
        out.arguments = JSONValue.object(arguments).text
        return out
    }
}
