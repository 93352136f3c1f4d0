// LoopNotice in French.

import LLMClient

extension LoopNotice {
    var french: String {
        switch self {
        case .usage(let usage, let session, let budget, let seconds, let secondsBudget):
            Self.frenchUsage(
                usage, Self.spent(session: session, budget: budget, seconds: seconds, secondsBudget: secondsBudget))
        case .summarized(let count, let prompt, let context):
            "contexte : \(count) messages anciens remplacés par un résumé tiré du registre des runs (requête ≈ \(prompt)/\(context) jetons)"
        case .repeatedCall(let tool):
            "\(tool) : le même appel a déjà échoué ; l'erreur précédente est renvoyée au modèle sans le relancer"
        case .repairedCall(let tool):
            "\(tool) : appel refusé renvoyé tel quel ; exécuté une fois sans ce que le refus nommait (voir « repaired »)"
        case .next(let step): "guide : " + step
        case .unfinished(let steps):
            "La session n'est pas terminée. Il reste : \(steps). Continue avec l'étape suivante, par un appel d'outil."
        }
    }

    private static func frenchUsage(_ usage: TokenUsage, _ spent: (tokens: String, time: String)) -> String {
        "réponse : \(usage.completionTokens) jetons (requête \(usage.promptTokens)) · session : \(spent.tokens) jetons, \(spent.time)"
    }
}
