// SessionMessage in French.

extension SessionMessage {
    var french: String {
        switch self {
        case .autopilotBanner(let why):
            "Modèle : Autopilot — un moteur à règles déterministe intégré, PAS un LLM (\(why))."
        case .chosenWithFlag: "choisi avec --model autopilot"
        case .noEndpoint: "aucun point d'accès configuré : --base-url, OPENAI_BASE_URL ou .mlexp/config.json"
        case .checkingToolCalls: "Vérification des appels d'outils…"
        case .unknownWindow: "inconnu (--context N pour le donner)"
        case .toolCalls(let mode, let reason, let window, let small, let maxTokens):
            "Appels d'outils : \(mode) (\(reason)) · contexte : \(window) · prompt : \(small ? "court" : "complet") · réponse ≤ \(maxTokens) jetons"
        case .chatHelp: "/help pour les commandes, Ctrl-C annule une réponse, Ctrl-D pour quitter."
        case .howToLeave: "(Ctrl-D ou /exit pour quitter)"
        case .chatFirst(let data, let target):
            "Charge \(data)\(target.map { " avec la cible '\($0)'" } ?? "") et cadre le problème."
        case .didNothing:
            "La session n'a rien fait : aucun run, aucune entrée de journal. Vérifiez le modèle avec `mlexp doctor`, essayez --tool-calls structured, ou --model autopilot."
        case .logAt(let path): "Journal : " + path
        case .referenceLabel(let column):
            " La colonne '\(column)' est une étiquette connue : utilise-la seulement comme référence (train_model reference), jamais comme variable."
        case .clusteringRequest(let path, let goal, let reference):
            "Mène une session de clustering complète sur \(path) : il n'y a pas de cible. \(goal)\(reference) Charge les données sans cible, essaie k-means sur plusieurs valeurs de k, choisis k par la silhouette, consigne chaque expérience dans le journal et termine par une décision."
        case .request(let path, let target, let goal):
            "Mène une session d'expériences complète sur \(path) pour prédire '\(target)'. \(goal) Cadre le problème, entraîne la baseline d'abord, compare les modèles avec des intervalles de confiance, explique le meilleur, consigne chaque expérience dans le journal et termine par une décision."
        case .resuming(let what, let file, let n, let p):
            "Reprise de \(what.isEmpty ? "la session" : what) depuis \(file) : \(n) messages, \(p) appel\(p == 1 ? "" : "s") à refaire."
        case .importanceMeasure(let method):
            switch method {
            case "gain": "gain (part de la baisse de la perte)"
            case "shap": "|valeur SHAP| moyenne"
            default: "importance par permutation (baisse de la métrique principale)"
            }
        }
    }
}
