// LeakageMessage in French.

extension LeakageMessage {
    var french: String {
        switch self {
        case .why(let c, true, let said, let model, let reference):
            "'\(c)' a été écartée de la recherche. Preuves : \(said.french) Je mesure la part du score qu'elle porterait : \(model) entraîné avec elle, face à \(reference) sans elle."
        case .why(let c, false, let said, let model, let reference):
            "'\(c)' reste dans la recherche : \(said.french) Son nom ne dit pas qu'elle est enregistrée après le résultat. Je mesure la part du score qu'elle porte : \(model) entraîné sans elle, face à \(reference) avec elle."
        case .comparing(let id, let reference):
            "Je compare \(id) à \(reference) sur les mêmes folds (bootstrap apparié)."
        case .logging: "Je consigne la vérification de fuite."
        case .hypothesis(let column, true):
            "Avec '\(column)' le score monte bien au-dessus de celui des modèles honnêtes : la hausse est ce que la fuite aurait ajouté."
        case .hypothesis(let column, false):
            "Sans '\(column)' le score baisse : la baisse est la part du score qui repose sur elle."
        case .title(let c): "Vérification de fuite : '\(c)'"
        case .approach(let c, true, let model, let reference, let f):
            "\(model) comme \(reference), en réintégrant '\(c)' ; mêmes folds, graine 42, \(FramingWords.validation(f).french)."
        case .approach(let c, false, let model, let reference, let f):
            "\(model) comme \(reference), sans '\(c)' ; mêmes folds, graine 42, \(FramingWords.validation(f).french)."
        case .notTrained(let error): "La vérification n'a pas pu être entraînée : \(error ?? "erreur inconnue")."
        case .analysis(let c, true, let said, let id, let reference, let significant):
            "Les preuves : \(said.french) '\(c)' reste hors de tous les candidats, donc le modèle retenu ne l'utilise pas ; l'écart entre \(id) (avec elle) et \(reference) (sans elle) est ce qu'elle porterait\(significant ? ", au-delà du bruit" : ", dans le bruit ici")."
        case .analysis(let c, false, let said, let id, let reference, let significant):
            "Les preuves : \(said.french) '\(c)' est gardée (son nom ne dit pas qu'elle vient après le résultat) ; l'écart entre \(reference) (avec elle) et \(id) (sans elle) est la part du score qui repose sur elle\(significant ? ", au-delà du bruit" : ", dans le bruit"). Si elle n'est pas connue au moment de prédire, le modèle sans elle est le modèle honnête."
        case .next: "interpréter le modèle retenu (importance, erreurs, limites), puis décider."
        }
    }
}
