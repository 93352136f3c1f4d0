// What the loop says when it ends a turn early, in the session's language: cancelled (before a request,
// while waiting for the model, before or while a tool ran), a failed model request, too many failed tool
// calls in a row, the turn limit. Each says what happened and what to do next.
// Leaves out: the model's and the tools' own error texts, which are quoted as they are.
import Languages

/// One reason for ending a turn early, with the facts its sentence states.
enum StopMessage {
    case cancelled
    case cancelledWaitingForModel
    case modelFailed(error: String)
    case cancelledBeforeTools
    case cancelledDuringTool(name: String)
    case toolErrors(count: Int, last: String)
    case turnLimit(turns: Int)
    case noProgress(answers: Int)
    case budget(String)

    func text(_ language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .cancelled:
            return fr
                ? "Annulé ; la conversation est intacte. Redemandez quand vous voulez."
                : "Cancelled; the conversation is intact. Ask again when ready."
        case .cancelledWaitingForModel:
            return fr
                ? "Annulé pendant l'attente du modèle ; la conversation est intacte."
                : "Cancelled while waiting for the model; the conversation is intact."
        case .modelFailed(let error):
            return fr
                ? "La requête au modèle a échoué : \(error) Réessayez, ou vérifiez le point d'accès avec `mlexp doctor`."
                : "The model request failed: \(error) Try again, or check the endpoint with `mlexp doctor`."
        case .cancelledBeforeTools:
            return fr
                ? "Annulé avant que tous les appels d'outils ne s'exécutent ; la conversation est intacte."
                : "Cancelled before all tool calls ran; the conversation is intact."
        case .cancelledDuringTool(let name):
            return fr
                ? "Annulé pendant \(name) ; son résultat est écarté et la conversation est intacte."
                : "Cancelled while \(name) ran; its result was discarded and the conversation is intact."
        case .toolErrors(let count, let last):
            return fr
                ? "Arrêté après \(count) appels d'outils en échec d'affilée (dernier : \(last)). Lisez les erreurs ci-dessus, puis reformulez la demande ou corrigez les données."
                : "Stopped after \(count) failed tool calls in a row (last: \(last)). Read the errors above, then rephrase the request or fix the data."
        case .noProgress(let answers):
            return fr
                ? "Arrêté : \(answers) réponses d'affilée sans progrès (appels déjà en échec répétés, ou la même réponse). Précisez la demande ou changez de modèle."
                : "Stopped: \(answers) answers in a row made no progress (failing calls repeated, or the same answer again). Narrow the request or use another model."
        case .budget(let what):
            return fr
                ? "Arrêté : le budget de la session est épuisé (\(what)). Les runs et le journal sont enregistrés ; relancez avec un budget plus grand pour poursuivre."
                : "Stopped: the session budget is spent (\(what)). Runs and log are saved; run again with a larger budget to go on."
        case .turnLimit(let turns):
            return fr
                ? "Arrêté après \(turns) tours du modèle sans réponse finale. Dites « continue » pour poursuivre, ou précisez la demande."
                : "Stopped after \(turns) model turns without a final answer. Say 'continue' to go on, or narrow the request."
        }
    }
}
