// DataWarning in French, rendered from its facts (DataWarning.Detail), never from the English message.
// Every Detail case has its sentence (the switch is exhaustive: a new kind does not compile without one).

import Foundation

extension DataWarning {
    /// The warning in French, from its facts.
    public var french: String {
        let c = column ?? "?", other = relatedColumn ?? "?"
        switch detail {
        case .idLike:
            return
                "'\(c)' est unique à chaque ligne (un identifiant) ; un modèle l'apprendrait par cœur. À écarter (ou à prendre comme groupe d'un GroupKFold)."
        case .constant(let empty):
            return
                "'\(c)' \(empty ? "n'a aucune valeur" : "a la même valeur dans toutes les lignes renseignées") ; elle ne peut pas aider un modèle. À écarter."
        case .duplicateRows(let count):
            return
                "\(count) lignes répètent exactement une ligne précédente ; des doublons peuvent tomber des deux côtés d'un découpage et gonfler les scores. Les supprimer ou les grouper."
        case .nearCopy(let r?):
            return
                "'\(c)' et '\(other)' sont quasi identiques (r = \(Self.twoDecimals(r))) ; n'en garder qu'une, sinon les coefficients et l'importance se partagent de façon instable."
        case .nearCopy(nil):
            return
                "'\(c)' et '\(other)' portent la même information (leurs modalités se correspondent une à une) ; n'en garder qu'une."
        case .highCardinality(let levels):
            return
                "'\(c)' a \(levels) modalités ; l'encodage one-hot garde les plus fréquentes et regroupe les autres sous 'other'. Regrouper des modalités ou écarter la colonne."
        case .heavyMissing(let share, let drop):
            return "'\(c)' manque dans \(Self.percent(share)) des lignes."
                + (drop
                    ? " À écarter."
                    : " Les modèles l'imputent (médiane ou valeur la plus fréquente) et ajoutent un indicateur de valeur manquante ; se demander si l'absence elle-même a un sens.")
        case .skewedTarget(let skewness):
            return
                "La cible '\(c)' a une longue traîne à droite (asymétrie \(Self.twoDecimals(skewness))) ; ajuster log(1 + y) aide souvent, en rapportant l'erreur sur l'échelle d'origine."
        case .imbalancedTarget(let className, let share):
            return
                "\(className.map { "La classe '\($0)'" } ?? "La classe la plus rare") de '\(c)' est rare (\(Self.percent(share)) des lignes) ; stratifier les découpages et préférer le F1 (macro), la balanced accuracy ou l'average precision à l'accuracy."
        case .likelyLeakage(let target, .accuracy(let accuracy, let baseline)):
            return
                "'\(c)' prédit à elle seule '\(target)' avec une accuracy de \(Self.percent(accuracy)) sur des lignes tenues à l'écart\(baseline.map { " (classe majoritaire : \(Self.percent($0)))" } ?? "") : fuite probable de la cible. Vérifier qu'elle est connue avant le résultat ; sinon l'écarter."
        case .likelyLeakage(let target, .r2(let r2)):
            return
                "'\(c)' explique à elle seule R² = \(Self.twoDecimals(r2)) de '\(target)' sur des lignes tenues à l'écart : fuite probable de la cible ou mesure quasi dupliquée. Vérifier qu'elle est connue au moment de prédire ; sinon l'écarter."
        case .suspiciousPredictor(let target, let score, let afterOutcome):
            let measured: String
            switch score {
            case .auc(let auc): measured = "une ROC AUC de \(Self.twoDecimals(auc)) (hasard 0.50)"
            case .balancedAccuracy(let b, let majority):
                measured =
                    "une balanced accuracy de \(Self.twoDecimals(b)) (classe majoritaire \(Self.twoDecimals(majority)))"
            case .r2(let r2): measured = "R² = \(Self.twoDecimals(r2))"
            }
            return
                "'\(c)' prédit à elle seule '\(target)' avec \(measured) sur des lignes tenues à l'écart : étonnamment bien pour une seule variable."
                + (afterOutcome
                    ? " Son nom dit qu'elle est enregistrée après le résultat : fuite probable de la cible ; l'écarter sauf si elle est connue au moment de prédire."
                    : " Vérifier qu'elle est connue avant le résultat ; si c'est le cas, c'est un prédicteur fort et honnête.")
        case .repeatedEntity(let target, let entities, let repeatedShare, let agreement, let baseline):
            let sharing =
                baseline > 0
                ? "le '\(target)' d'une ligne concorde avec le reste de son entité \(Self.percent(agreement)) du temps (classe majoritaire \(Self.percent(baseline)))"
                : "la moyenne des autres lignes de son entité explique R² = \(Self.twoDecimals(agreement)) du '\(target)' d'une ligne"
            return
                "'\(c)' identifie \(entities) entités, dont \(Self.percent(repeatedShare)) sur plusieurs lignes, et \(sharing) : des lignes d'une même entité des deux côtés d'un découpage gonflent le score. Valider par folds groupés et un jeu de test groupé sur '\(c)', et l'écarter des variables."
        case .nearDuplicates(let count, let tolerance):
            return
                "\(count) lignes répètent une ligne précédente à un champ numérique près, à moins de \(Self.percent(tolerance)) de son écart-type (quasi-doublons) ; des copies des deux côtés d'un découpage gonflent les scores. Les garder dans un même fold (les grouper) ou les supprimer."
        }
    }

    /// "42 %": the rounded percentage, as the English message rounds it.
    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
    static func twoDecimals(_ x: Double) -> String { String(format: "%.2f", x) }
}
