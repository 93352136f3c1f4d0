// What the Autopilot says on screen before each step of its first plan, and the context entry of the
// log: ids with their facts. The tables (AutopilotMessage+English.swift, +French.swift) write them out.

import Languages

/// A sentence of the Autopilot's first plan (framing, experiments, comparisons).
enum AutopilotMessage: Message {
    /// The model of a first-plan step, as said in a sentence ("logistic regression").
    case modelName(AutopilotStep, regression: Bool)
    /// What the Autopilot answers to a message it cannot read as a brief.
    case help
    case beforeLoad(path: String)
    /// "Framing: binary task on 'survived', …".
    case framing(AutopilotFraming)
    case dropping(column: String, FramingWords)
    case note(FramingWords)
    case writingContext
    case problemWithGoal(goal: String, AutopilotFraming)
    case problem(AutopilotFraming, path: String)
    /// The columns the framing drops, with their reasons ("no column dropped" when none).
    case dropped(AutopilotFraming)
    case data(path: String, AutopilotFraming, dropped: String, leakageNotes: String)
    case metric(AutopilotFraming)
    case hypothesis(AutopilotStep, AutopilotFraming)
    case bestSoFar(model: String, score: String)
    case experiment(model: String, hypothesis: String)
    case comparing(model: String, score: String, reference: String, referenceRun: String)
    case baselineScore(String)
    case trainingFailed(String)
    case loggingExperiment
    /// A paired comparison's difference with `other`: delta, "[low, high]", significant or not.
    case difference(other: String, delta: String, interval: String, significant: Bool)
    /// One suspicious column or near-duplicate rows kept in view, in the context entry.
    case leakageNote(FramingWords)
}
