// The search's words, in English or French: the progress line (elapsed / budget, best so far), each
// move's hypothesis and approach, its log entry, and the summary of the budget for the decision.
// Numbers on screen are quoted from tool results (durations in whole seconds); log entries carry prose
// and run ids only, append_log writing the numbers from the store.

import Foundation
import Languages
import MLCore

/// Phrases of the search in the session's language.
struct AutopilotSearchText {
    let language: Language
    let search: AutopilotSearch

    var f: AutopilotFraming { search.framing }
    func t(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }
    private func score(_ c: Candidate) -> String {
        "\(f.metric) \(AutopilotText.f3(c.mean))" + (c.std.map { " ± \(AutopilotText.f3($0))" } ?? "")
            + " (\(c.runID))"
    }

    /// "[search 42 s / 120 s] Best so far: gbdt, roc_auc 0.861 ± 0.012 (r0005).\n"
    func progress() -> String {
        let clock = "[\(Int(search.clock.elapsed.rounded())) s / \(Int(search.clock.budget.rounded())) s] "
        guard let best = search.best() else { return clock }
        return clock
            + t(
                "Best so far: \(best.model), \(score(best)).\n", "Meilleur jusqu'ici : \(best.model), \(score(best)).\n"
            )
    }

    func title(_ move: SearchMove) -> String {
        switch move {
        case .logTarget: t("Gradient boosting on a log-transformed target", "Gradient boosting sur la cible en log")
        case .targetEncoding:
            t(
                "Target encoding of high-cardinality columns",
                "Encodage par la cible des colonnes à nombreuses modalités")
        case .tuneGbdt: t("Tuned gradient boosting", "Gradient boosting réglé")
        case .randomForest: t("Random forest", "Forêt aléatoire")
        case .neighbours: neighboursTitle
        case .classWeights:
            t("Gradient boosting with balanced class weights", "Gradient boosting aux classes pondérées")
        case .regularisation:
            f.isRegression
                ? t("Ridge: regularisation strength", "Ridge : force de régularisation")
                : t("Logistic regression: regularisation strength", "Régression logistique : force de régularisation")
        case .textTerms:
            t(
                "Text model with a larger vocabulary", "Modèle texte au vocabulaire plus large")
        case .ensemble: t("Ensemble of the best distinct runs", "Ensemble des meilleurs runs distincts")
        case .stack: t("Stacking of the best distinct runs", "Empilement (stacking) des meilleurs runs distincts")
        case .tuneGbdtWide, .tuneForest, .reensemble, .restack: secondRoundTitle(move)
        }
    }

    func hypothesis(_ move: SearchMove) -> String {
        switch move {
        case .logTarget:
            t(
                "'\(f.target)' is positive and skewed: fitting log(1 + \(f.target)) makes the errors relative, so gradient boosting scores better on the original scale.",
                "'\(f.target)' est positive et asymétrique : ajuster log(1 + \(f.target)) rend les erreurs relatives, donc le gradient boosting fait mieux sur l'échelle d'origine."
            )
        case .targetEncoding:
            t(
                "\(encodingColumns) \(many ? "have" : "has") more than \(PreprocessingOptions.highCardinalityLevels) levels: encoding each level by the smoothed mean of the target, learnt inside each training fold, lets \(encodedModel) use \(many ? "them" : "it") better than \(encodedModel == "gbdt" ? "its native category codes" : "one-hot columns of the most frequent levels").",
                "\(encodingColumns) \(many ? "ont" : "a") plus de \(PreprocessingOptions.highCardinalityLevels) modalités : encoder chaque modalité par la moyenne lissée de la cible, apprise dans chaque pli d'entraînement, permet à \(encodedModel) de mieux \(many ? "les " : "l'")utiliser que \(encodedModel == "gbdt" ? "ses codes de catégories natifs" : "des colonnes one-hot des modalités les plus fréquentes")."
            )
        case .tuneGbdt:
            t(
                "Gradient boosting's default settings are not the best for these data: a search over learning rate, leaves, leaf size, L2 penalty, iterations and feature share (successive halving) finds better ones.",
                "Les réglages par défaut du gradient boosting ne sont pas les meilleurs ici : une recherche sur le taux d'apprentissage, les feuilles, leur taille, la pénalité L2, les itérations et la part de variables (successive halving) en trouve de meilleurs."
            )
        case .randomForest:
            t(
                "A random forest (averaged deep trees on bootstrap samples) has less variance than boosting on these rows and scores better.",
                "Une forêt aléatoire (arbres profonds moyennés sur des échantillons bootstrap) a moins de variance que le boosting sur ces lignes et fait mieux."
            )
        case .classWeights:
            t(
                "The classes are imbalanced: weighing the rare class up (balanced class weights) helps gradient boosting separate it.",
                "Les classes sont déséquilibrées : pondérer davantage la classe rare (poids équilibrés) aide le gradient boosting à la séparer."
            )
        case .regularisation:
            t(
                "The \(f.linearModel) model's default penalty is not the right one: a stronger or weaker regularisation scores better.",
                "La pénalité par défaut du modèle \(f.linearModel) n'est pas la bonne : une régularisation plus forte ou plus faible fait mieux."
            )
        case .tuneGbdtWide, .tuneForest, .reensemble, .restack: secondRoundHypothesis(move)
        case .neighbours: neighboursHypothesis
        case .textTerms:
            t(
                "The text says more than its 1,000 most frequent terms: a linear model on \(AutopilotSearch.textTerms) word unigrams and bigrams\(f.isRegression ? "" : ", with balanced class weights,") scores better on the text alone, and is a strong member for an ensemble with gradient boosting.",
                "Le texte dit plus que ses 1 000 termes les plus fréquents : un modèle linéaire sur \(AutopilotSearch.textTerms) unigrammes et bigrammes\(f.isRegression ? "" : ", aux poids de classes équilibrés,") fait mieux sur le texte seul, et est un membre fort d'un ensemble avec le gradient boosting."
            )
        case .ensemble:
            t(
                "The best runs of different families err differently: averaging their predictions scores better than any of them alone.",
                "Les meilleurs runs de familles différentes se trompent différemment : la moyenne de leurs prédictions fait mieux que chacun seul."
            )
        case .stack:
            t(
                "The best runs are not equally reliable: a meta-model fitted on their out-of-fold predictions weighs them better than a plain average.",
                "Les meilleurs runs ne sont pas également fiables : un méta-modèle ajusté sur leurs prédictions hors pli les pondère mieux qu'une simple moyenne."
            )
        }
    }

    func approach(_ move: SearchMove) -> String {
        let validation = language == .fr ? f.validationFR : f.validation
        switch move {
        case .logTarget:
            return t(
                "gbdt with target_transform log (fit on log(1 + y), predictions back with exp − 1, scored on the original scale); seed 42, \(validation).",
                "gbdt avec target_transform log (ajusté sur log(1 + y), prédictions ramenées par exp − 1, scorées à l'échelle d'origine) ; graine 42, \(validation)."
            )
        case .targetEncoding:
            return t(
                "\(encodedModel) with categorical_encoding target on \(encodingColumns): each level's target mean shrunk toward the overall mean by its own spread (scikit-learn's smooth=\"auto\"), cross-fitted on the rows the model is fitted on and learnt from the training folds only; seed 42, \(validation).",
                "\(encodedModel) avec categorical_encoding target sur \(encodingColumns) : la moyenne de la cible par modalité, rapprochée de la moyenne globale selon sa propre dispersion (smooth=\"auto\" de scikit-learn), croisée sur les lignes d'ajustement et apprise sur les plis d'entraînement seulement ; graine 42, \(validation)."
            )
        case .tuneGbdt:
            return t(
                "tune_model on gbdt: successive halving over learning_rate, max_leaf_nodes, min_samples_leaf, l2_regularization, max_iter and max_features, on the same folds; the best configuration retrained as a run.",
                "tune_model sur gbdt : successive halving sur learning_rate, max_leaf_nodes, min_samples_leaf, l2_regularization, max_iter et max_features, sur les mêmes folds ; la meilleure configuration réentraînée en run."
            )
        case .randomForest:
            return t(
                "random_forest with default hyper-parameters; seed 42, \(validation).",
                "random_forest aux hyper-paramètres par défaut ; graine 42, \(validation).")
        case .classWeights:
            return t(
                "gbdt with class_weight balanced; seed 42, \(validation).",
                "gbdt avec class_weight balanced ; graine 42, \(validation).")
        case .regularisation:
            let name = f.isRegression ? "alpha" : "C"
            return t(
                "tune_model on \(f.linearModel) over \(name) from a hundredth to a hundred, on the same folds; the best value retrained as a run.",
                "tune_model sur \(f.linearModel) pour \(name) d'un centième à cent, sur les mêmes folds ; la meilleure valeur réentraînée en run."
            )
        case .tuneGbdtWide, .tuneForest: return secondRoundApproach(move)
        case .neighbours: return neighboursApproach
        case .textTerms:
            let weights = f.isRegression ? "" : " and class_weight balanced"
            let weightsFR = f.isRegression ? "" : " et class_weight balanced"
            return t(
                "\(f.linearModel) with the text columns only (\(f.textColumns.joined(separator: ", "))), text_max_terms \(AutopilotSearch.textTerms)\(weights); seed 42, \(validation).",
                "\(f.linearModel) avec les colonnes de texte seules (\(f.textColumns.joined(separator: ", "))), text_max_terms \(AutopilotSearch.textTerms)\(weightsFR) ; graine 42, \(validation)."
            )
        case .ensemble, .reensemble:
            let members =
                (search.moves[move.rawValue]?.call.arguments).flatMap { try? JSONValue.parse($0) }?["members"]?
                .arrayValue?.compactMap(\.stringValue) ?? []
            return t(
                "train_model ensemble: the average of the predictions (probabilities for classes) of \(members.joined(separator: ", ")), scored on their out-of-fold predictions; nothing refitted.",
                "train_model ensemble : la moyenne des prédictions (probabilités pour les classes) de \(members.joined(separator: ", ")), scorée sur leurs prédictions hors pli ; rien n'est réentraîné."
            )
        case .stack, .restack:
            let members =
                (search.moves[move.rawValue]?.call.arguments).flatMap { try? JSONValue.parse($0) }?["members"]?
                .arrayValue?.compactMap(\.stringValue) ?? []
            let meta = f.isRegression ? "ridge" : "logistic regression"
            return t(
                "train_model ensemble with ensemble_method stack: \(meta) on the out-of-fold predictions of \(members.joined(separator: ", ")), validated on the same folds (each fold's meta-model fitted on the other folds only); no member refitted.",
                "train_model ensemble avec ensemble_method stack : \(meta == "ridge" ? "ridge" : "régression logistique") sur les prédictions hors pli de \(members.joined(separator: ", ")), validée sur les mêmes plis (le méta-modèle de chaque pli ajusté sur les autres plis seulement) ; aucun membre réentraîné."
            )
        }
    }

    /// The high-cardinality columns, quoted ("'city', 'shop'"), their number, and the family encoded.
    private var encodingColumns: String { search.highCardinalityColumns.map { "'\($0)'" }.joined(separator: ", ") }
    private var many: Bool { search.highCardinalityColumns.count > 1 }
    private var encodedModel: String { search.encodedFamily?.step == .gbdt ? "gbdt" : f.linearModel }

    /// What the move carries forward from an earlier move that paid.
    func carried(_ move: SearchMove) -> String {
        guard search.carriesTargetEncoding(move) else { return "" }
        return t(
            " With categorical_encoding target, which paid in an earlier experiment of the search (what paid is kept).",
            " Avec categorical_encoding target, qui a payé dans une expérience précédente de la recherche (ce qui paie est gardé)."
        )
    }

    func beforeMove(_ move: SearchMove) -> String {
        t(
            "Search, experiment: \(title(move).lowercased()). Hypothesis: \(hypothesis(move))",
            "Recherche, expérience : \(title(move).lowercased()). Hypothèse : \(hypothesis(move))")
    }

    /// The result sentence of a move: its score against the best before it, and whether it paid.
    func verdict(_ move: SearchMove) -> String? {
        guard let c = search.candidates.first(where: { $0.move == move }), let b = search.best(before: move) else {
            return nil
        }
        let delta = AutopilotText.f3(c.mean - b.mean)
        if search.paid(move) {
            return t(
                "\(title(move)): \(score(c)), \(delta) against \(b.runID): a gain beyond one standard error of the best so far.",
                "\(title(move)) : \(score(c)), \(delta) par rapport à \(b.runID) : un gain au-delà d'une erreur type du meilleur jusqu'ici."
            )
        }
        return t(
            "\(title(move)): \(score(c)), \(delta) against \(b.runID): no gain beyond one standard error of the best so far.",
            "\(title(move)) : \(score(c)), \(delta) par rapport à \(b.runID) : pas de gain au-delà d'une erreur type du meilleur jusqu'ici."
        )
    }

    func beforeLog(_ move: SearchMove, _ done: AutopilotHistory.Done) -> String {
        var s = ""
        if let error = done.error {
            s = t("The experiment failed: \(error)\n", "L'expérience a échoué : \(error)\n")
        } else if let v = verdict(move) {
            s = v + "\n"
        }
        return s + t("Logging this experiment.", "Je consigne cette expérience.")
    }

    func logArguments(_ move: SearchMove, _ done: AutopilotHistory.Done) -> JSONValue {
        var args: [String: JSONValue] = [
            "kind": "experiment", "title": .string(title(move)), "hypothesis": .string(hypothesis(move)),
            "approach": .string(approach(move) + carried(move)), "next": .string(nextText(after: move)),
        ]
        guard done.ok, let c = search.candidates.first(where: { $0.move == move }) else {
            args["analysis"] = .string(
                t(
                    "The experiment failed: \(done.error ?? "no run was recorded"). The search goes on without it.",
                    "L'expérience a échoué : \(done.error ?? "aucun run enregistré"). La recherche continue sans elle.")
            )
            return .object(args)
        }
        args["run_ids"] = .strings([c.runID])
        let best = search.best(before: move)
        if let b = best { args["compare_to"] = .string(b.runID) }
        let behind = best.map { search.plan.better($0, than: c) } ?? false
        args["analysis"] = .string(
            behind
                ? t(
                    "Not confirmed: it scores below the best run so far.",
                    "Non confirmée : son score est sous celui du meilleur run jusqu'ici.")
                : search.paid(move)
                    ? t(
                        "The hypothesis holds: the gain over the best run so far exceeds one standard error of their difference on the same folds.",
                        "L'hypothèse tient : le gain sur le meilleur run jusqu'ici dépasse une erreur type de leur écart sur les mêmes folds."
                    )
                    : t(
                        "Not confirmed: the gain over the best run so far is within one standard error of their difference on the same folds, so it does not pay for its complexity.",
                        "Non confirmée : le gain sur le meilleur run jusqu'ici tient dans une erreur type de leur écart sur les mêmes folds ; il ne paie pas sa complexité."
                    ))
        return .object(args)
    }

    private func nextText(after move: SearchMove) -> String {
        let later = SearchMove.allCases.drop { $0 != move }.dropFirst().filter { search.applies($0) }
        guard let next = later.first else {
            return t(
                "choose on validation (one-standard-error rule), interpret the chosen model, then decide.",
                "choisir sur la validation (règle d'une erreur type), interpréter le modèle retenu, puis décider.")
        }
        return t(
            "next in the queue, if the budget allows: \(title(next).lowercased()).",
            "ensuite dans la file, si le budget le permet : \(title(next).lowercased()).")
    }

    /// The budget used and why the search stopped, for the decision and the closing words.
    func summary() -> String {
        let used = Int(search.clock.elapsed.rounded()), budget = Int(search.clock.budget.rounded())
        let count = search.done.count
        let why: String
        switch search.nextMove() {
        case .success:
            why = t("it was still running", "elle était en cours")
        case .failure(let reason):
            switch reason.stop {
            case .exhausted:
                why = t(
                    "every experiment of the queue that applies to these data was run",
                    "toutes les expériences de la file qui s'appliquent à ces données ont été menées")
            case .noGain:
                why = t(
                    "\(searchPatience) experiments in a row brought no gain beyond one standard error",
                    "\(searchPatience) expériences de suite n'ont apporté aucun gain au-delà d'une erreur type")
            case .budget(let move):
                why = t(
                    "the budget left could not fit the next experiment (\(title(move).lowercased())) and the interpretation",
                    "le budget restant ne pouvait contenir l'expérience suivante (\(title(move).lowercased())) et l'interprétation"
                )
            }
        }
        let skipped = search.plan.skippedForTime.map {
            $0 == .gbdt ? "gradient boosting" : t("the text model", "le modèle texte")
        }
        let passed =
            skipped.isEmpty
            ? ""
            : t(
                " Left out for lack of time (the budget was spent before they could start): \(skipped.joined(separator: ", ")).",
                " Laissés de côté faute de temps (le budget était dépensé avant qu'ils puissent commencer) : \(skipped.joined(separator: ", "))."
            )
        return t(
            "Search: \(count) experiment\(count == 1 ? "" : "s") after the first families; \(used) s of the \(budget) s budget used by this decision; the search ended because \(why). The model was chosen on validation by the one-standard-error rule (the simplest within one standard error of the best)."
                + passed,
            "Recherche : \(count) expérience\(count > 1 ? "s" : "") après les premières familles ; \(used) s utilisées sur un budget de \(budget) s à cette décision ; la recherche s'est arrêtée parce que \(why). Le modèle a été choisi sur la validation par la règle d'une erreur type (le plus simple à moins d'une erreur type du meilleur)."
                + passed
        )
    }
}
