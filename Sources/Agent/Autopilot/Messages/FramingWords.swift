// The framing's words that other sentences quote: the task, the validation scheme and a profile
// warning. English quotes load_data's own words; other languages render the facts behind them
// (the task word, validation_scheme, the warning's Detail), never by reading the English back.

public import Languages
public import MLCore

/// A word or phrase of the framing, quoted inside the Autopilot's sentences.
public enum FramingWords: Message {
    /// load_data's task word ("binary").
    case task(String)
    /// The validation scheme of a framing.
    case validation(AutopilotFraming)
    /// A profile warning: load_data's English message and the warning rebuilt from its facts.
    case warning(message: String, DataWarning?)
}
