// What the loop tells the user about its own doings, in the session's language: the tokens an answer
// and the session used (against the budget), older turns summarised to fit the context, and a repeated
// failing call answered from memory; and what it tells the model instead of running that call again.

import Foundation
import LLMClient
import Languages

enum LoopNotice {
    static func usage(
        _ usage: TokenUsage, session: Int, budget: Int?, seconds: Double, secondsBudget: Double?,
        _ language: Language
    ) -> String {
        let fr = language == .fr
        let tokens = budget.map { "\(session)/\($0)" } ?? "\(session)"
        let time = secondsBudget.map { "\(Self.clock(seconds))/\(Self.clock($0))" } ?? Self.clock(seconds)
        return fr
            ? "réponse : \(usage.completionTokens) jetons (requête \(usage.promptTokens)) · session : \(tokens) jetons, \(time)"
            : "answer: \(usage.completionTokens) tokens (prompt \(usage.promptTokens)) · session: \(tokens) tokens, \(time)"
    }

    static func summarized(_ count: Int, prompt: Int, context: Int, _ language: Language) -> String {
        language == .fr
            ? "contexte : \(count) messages anciens remplacés par un résumé tiré du registre des runs (requête ≈ \(prompt)/\(context) jetons)"
            : "context: \(count) older messages replaced by a summary from the run store (request ≈ \(prompt)/\(context) tokens)"
    }

    static func repeatedCall(_ tool: String, _ language: Language) -> String {
        language == .fr
            ? "\(tool) : le même appel a déjà échoué ; l'erreur précédente est renvoyée au modèle sans le relancer"
            : "\(tool): the same call already failed; the earlier error was sent back to the model instead of running it again"
    }

    static func repairedCall(_ tool: String, _ language: Language) -> String {
        language == .fr
            ? "\(tool) : appel refusé renvoyé tel quel ; exécuté une fois sans ce que le refus nommait (voir « repaired »)"
            : "\(tool): the refused call was sent again unchanged; run once with what the refusal named left out (see \"repaired\")"
    }

    /// The answer to a failing call made again: its earlier error and what to do instead.
    static func repeatedFailure(_ earlierContent: String, tool: String) -> String {
        let earlier = (try? JSONValue.parse(earlierContent))?["error"]?.stringValue ?? earlierContent
        return
            "this exact \(tool) call already failed and was not run again. Earlier error: \(earlier) Change the arguments as the error says, or call another tool."
    }

    static func next(_ step: String, _ language: Language) -> String {
        (language == .fr ? "guide : " : "guide: ") + step
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60) min \(String(format: "%02d", s % 60)) s" : "\(s) s"
    }
}
