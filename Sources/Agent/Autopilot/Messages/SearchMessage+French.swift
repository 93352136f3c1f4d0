// SearchMessage in French.

extension SearchMessage {
    var french: String {
        switch self {
        case .carriedTargetEncoding:
            " Avec categorical_encoding target, qui a payé dans une expérience précédente de la recherche (ce qui paie est gardé)."
        case .carriedLogTarget:
            " Avec target_transform log, qui a payé dans une expérience précédente de la recherche (ce qui paie est gardé)."
        case .beforeMove(let title, let hypothesis):
            "Recherche, expérience : \(title.lowercased()). Hypothèse : \(hypothesis)"
        case .verdict(let title, let score, let delta, let bestRun, true):
            "\(title) : \(score), \(delta) par rapport à \(bestRun) : un gain au-delà d'une erreur type du meilleur jusqu'ici."
        case .verdict(let title, let score, let delta, let bestRun, false):
            "\(title) : \(score), \(delta) par rapport à \(bestRun) : pas de gain au-delà d'une erreur type du meilleur jusqu'ici."
        case .experimentFailed(let error): "L'expérience a échoué : \(error)\n"
        case .failedAnalysis(let error):
            "L'expérience a échoué : \(error ?? "aucun run enregistré"). La recherche continue sans elle."
        case .belowBest: "Non confirmée : son score est sous celui du meilleur run jusqu'ici."
        case .holds:
            "L'hypothèse tient : le gain sur le meilleur run jusqu'ici dépasse une erreur type de leur écart sur les mêmes folds."
        case .withinNoise:
            "Non confirmée : le gain sur le meilleur run jusqu'ici tient dans une erreur type de leur écart sur les mêmes folds ; il ne paie pas sa complexité."
        case .chooseAndDecide:
            "choisir sur la validation (règle d'une erreur type), interpréter le modèle retenu, puis décider."
        case .nextInQueue(let title): "ensuite dans la file, si le budget le permet : \(title.lowercased())."
        case .stillRunning: "elle était en cours"
        case .exhausted: "toutes les expériences de la file qui s'appliquent à ces données ont été menées"
        case .noGain(let patience):
            "\(patience) expériences de suite n'ont apporté aucun gain au-delà d'une erreur type"
        case .budget(let title):
            "le budget restant ne pouvait contenir l'expérience suivante (\(title.lowercased())) et l'interprétation"
        case .skipped(let step): step == .gbdt ? "gradient boosting" : "le modèle texte"
        case .leftOutForTime(let skipped):
            " Laissés de côté faute de temps (le budget était dépensé avant qu'ils puissent commencer) : \(skipped.joined(separator: ", "))."
        case .summary(let count, let used, let budget, let why):
            "Recherche : \(count) expérience\(count > 1 ? "s" : "") après les premières familles ; \(used) s utilisées sur un budget de \(budget) s à cette décision ; la recherche s'est arrêtée parce que \(why). Le modèle a été choisi sur la validation par la règle d'une erreur type (le plus simple à moins d'une erreur type du meilleur)."
        }
    }
}
