// SearchMoveMessage in English.

import MLCore

extension SearchMoveMessage {
    var english: String {
        switch self {
        case .title(let move, let regression): Self.englishTitle(move, regression: regression)
        case .hypothesis(let move, let facts): Self.englishHypothesis(move, facts)
        case .approach(let move, let facts): Self.englishApproach(move, facts)
        }
    }

    private static func englishTitle(_ move: SearchMove, regression: Bool) -> String {
        switch move {
        case .logTarget: "Gradient boosting on a log-transformed target"
        case .targetEncoding: "Target encoding of high-cardinality columns"
        case .tuneGbdt: "Tuned gradient boosting"
        case .randomForest: "Random forest"
        case .neighbours: "k-nearest neighbours"
        case .classWeights: "Gradient boosting with balanced class weights"
        case .regularisation:
            regression ? "Ridge: regularisation strength" : "Logistic regression: regularisation strength"
        case .textTerms: "Text model with a larger vocabulary"
        case .ensemble: "Ensemble of the best distinct runs"
        case .stack: "Stacking of the best distinct runs"
        case .tuneGbdtWide: "Gradient boosting, second tuning round (wider)"
        case .tuneForest: "Tuned random forest"
        case .reensemble: "Ensemble of the best distinct runs, with the tuned runs"
        case .restack: "Stacking of the best distinct runs, with the tuned runs"
        }
    }

    private static func englishHypothesis(_ move: SearchMove, _ x: SearchMoveFacts) -> String {
        let f = x.framing
        return switch move {
        case .logTarget:
            "'\(f.target)' is positive and skewed: fitting log(1 + \(f.target)) makes the errors relative, so gradient boosting scores better on the original scale."
        case .targetEncoding:
            "\(x.encodingColumns) \(x.many ? "have" : "has") more than \(PreprocessingOptions.highCardinalityLevels) levels: encoding each level by the smoothed mean of the target, learnt inside each training fold, lets \(x.encodedModel) use \(x.many ? "them" : "it") better than \(x.encodedModel == "gbdt" ? "its native category codes" : "one-hot columns of the most frequent levels")."
        case .tuneGbdt:
            "Gradient boosting's default settings are not the best for these data: a search over learning rate, leaves, leaf size, L2 penalty, iterations and feature share (successive halving), with a slow, strongly regularised setting among the candidates, finds better ones."
        case .randomForest:
            "A random forest (averaged deep trees on bootstrap samples) has less variance than boosting on these rows and scores better."
        case .neighbours:
            "Every feature is a number: rows close in that space share their \(f.isRegression ? "value" : "class") more than trees splitting one column at a time can tell, so k-nearest neighbours scores well here, on the raw values when the columns share one unit or standardised when they do not."
        case .classWeights:
            "The classes are imbalanced: weighing the rare class up (balanced class weights) helps gradient boosting separate it."
        case .regularisation:
            "The \(f.linearModel) model's default penalty is not the right one: a stronger or weaker regularisation scores better."
        case .textTerms:
            "The text says more than its 1,000 most frequent terms: a linear model on \(x.textTerms) word unigrams and bigrams\(f.isRegression ? "" : ", with balanced class weights,") scores better on the text alone, and is a strong member for an ensemble with gradient boosting."
        case .ensemble:
            "The best runs of different families err differently: averaging their predictions scores better than any of them alone."
        case .stack:
            "The best runs are not equally reliable: a meta-model fitted on their out-of-fold predictions weighs them better than a plain average."
        case .tuneGbdtWide:
            "Gradient boosting is the best family or within noise of it, and the budget is far from spent: a second, wider search (three times the configurations, wider ranges of every setting, successive halving) finds settings the first round could not reach."
        case .tuneForest:
            "The random forest is within noise of the best run: tuning its feature share per split, leaf size and depth makes it the best, or a stronger member of the ensemble."
        case .reensemble:
            "The second round changed the best run of a family: averaging the best distinct runs again, with it, scores better than the first ensemble."
        case .restack:
            "The second round changed the best run of a family: a meta-model on the out-of-fold predictions of the best distinct runs, with it, weighs them better than the first stacking."
        }
    }

    private static func englishApproach(_ move: SearchMove, _ x: SearchMoveFacts) -> String {
        let f = x.framing, validation = f.validation
        return switch move {
        case .logTarget:
            "gbdt with target_transform log (fit on log(1 + y), predictions back with exp − 1, scored on the original scale); seed 42, \(validation)."
        case .targetEncoding:
            "\(x.encodedModel) with categorical_encoding target on \(x.encodingColumns): each level's target mean shrunk toward the overall mean by its own spread (scikit-learn's smooth=\"auto\"), cross-fitted on the rows the model is fitted on and learnt from the training folds only; seed 42, \(validation)."
        case .tuneGbdt:
            "tune_model on gbdt: successive halving over \(x.tuningCandidates) configurations of learning_rate, max_leaf_nodes, min_samples_leaf, l2_regularization, max_iter and max_features, each configuration's first round on at least \(TuneSearch.minRows) training rows of a fold (or all of them; 8 configurations when that makes one round), after one strongly regularised configuration evaluated first (\(AutopilotSearch.slowGbdtText)), on the same folds; the best configuration retrained as a run."
        case .randomForest: "random_forest with default hyper-parameters; seed 42, \(validation)."
        case .classWeights: "gbdt with class_weight balanced; seed 42, \(validation)."
        case .neighbours:
            "tune_model on knn: every configuration of n_neighbors (\(AutopilotSearch.neighbourCounts.map(String.init).joined(separator: ", "))), weights (uniform, distance) and scaling (standard, none) on all the rows of the same folds (random search over the whole grid); the best retrained as a run."
        case .regularisation:
            "tune_model on \(f.linearModel) over \(f.isRegression ? "alpha" : "C") from a hundredth to a hundred, on the same folds; the best value retrained as a run."
        case .textTerms:
            "\(f.linearModel) with the text columns only (\(f.textColumns.joined(separator: ", "))), text_max_terms \(x.textTerms)\(f.isRegression ? "" : " and class_weight balanced"); seed 42, \(validation)."
        case .ensemble, .reensemble:
            "train_model ensemble: the average of the predictions (probabilities for classes) of \(x.members.joined(separator: ", ")), scored on their out-of-fold predictions; nothing refitted."
        case .stack, .restack:
            "train_model ensemble with ensemble_method stack: \(f.isRegression ? "ridge" : "logistic regression") on the out-of-fold predictions of \(x.members.joined(separator: ", ")), validated on the same folds (each fold's meta-model fitted on the other folds only); no member refitted."
        case .tuneGbdtWide:
            "tune_model on gbdt: successive halving over 54 configurations, learning_rate 0.01–0.5 (log scale), max_leaf_nodes 7–127, min_samples_leaf 2–80, l2_regularization 0–100, max_iter 100–800, max_features 0.3–1, on the same folds; the best configuration retrained as a run."
        case .tuneForest:
            "tune_model on random_forest: successive halving over 18 configurations of max_features (sqrt to all), min_samples_leaf 1–8 and max_depth (10, 20, none), on the same folds; the best configuration retrained as a run."
        }
    }
}
