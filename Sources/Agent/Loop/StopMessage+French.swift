// StopMessage in French.

extension StopMessage {
    var french: String {
        switch self {
        case .cancelled:
            "Annulé ; la conversation est intacte. Redemandez quand vous voulez."
        case .cancelledWaitingForModel:
            "Annulé pendant l'attente du modèle ; la conversation est intacte."
        case .modelFailed(let error):
            "La requête au modèle a échoué : \(error) Réessayez, ou vérifiez le point d'accès avec `mlexp doctor`."
        case .cancelledBeforeTools:
            "Annulé avant que tous les appels d'outils ne s'exécutent ; la conversation est intacte."
        case .cancelledDuringTool(let name):
            "Annulé pendant \(name) ; son résultat est écarté et la conversation est intacte."
        case .toolErrors(let count, let last):
            "Arrêté après \(count) appels d'outils en échec d'affilée (dernier : \(last)). Lisez les erreurs ci-dessus, puis reformulez la demande ou corrigez les données."
        case .noProgress(let answers):
            "Arrêté : \(answers) réponses d'affilée sans progrès (appels déjà en échec répétés, ou la même réponse). Précisez la demande ou changez de modèle."
        case .budget(let what):
            "Arrêté : le budget de la session est épuisé (\(what)). Les runs et le journal sont enregistrés ; relancez avec un budget plus grand pour poursuivre."
        case .turnLimit(let turns):
            "Arrêté après \(turns) tours du modèle sans réponse finale. Dites « continue » pour poursuivre, ou précisez la demande."
        }
    }
}
