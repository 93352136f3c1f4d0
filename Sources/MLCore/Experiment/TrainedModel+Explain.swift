// Explaining a stored model (`mlexp explain FILE --run ID`): the run's TrainedModel (fitted pipeline
// and model, no refit) on the labelled rows of a dataset with the training columns. The same rows
// serve as the evaluated rows and as the reference for feature ranges, since the stored bytes do not
// hold the training rows. Leaves out: finding the run's own validation rows (the caller picks the file).

extension ExplainInput {
    /// The stored `trained` model, evaluated on `rows` of `dataset` (every row with a target when nil).
    /// - Throws: when the dataset lacks a training column or the target, or has no labelled row.
    public init(trained: TrainedModel, dataset: Dataset, rows selected: [Int]? = nil) throws(MLError) {
        guard !trained.target.isNone else {
            throw MLError(
                .invalidInput,
                "This run is a clustering model (no target): it assigns clusters and predicts no column, so there is nothing to explain. "
                    + "Its clusters are described by its metrics (inertia, silhouette, adjusted_rand) and `mlexp predict`."
            )
        }
        guard !trained.isEnsemble else {
            throw MLError(
                .invalidInput,
                "This run is an ensemble, the average of other runs' models; explain one of its members (`mlexp runs show` lists them under members)."
            )
        }
        let target = trained.target.column
        guard dataset.columns.contains(where: { $0.name == target }) else {
            throw MLError(
                .unknownColumn, "The file has no '\(target)' column, the run's target; explain needs labelled rows.")
        }
        let rows: [Int]
        if let selected { rows = selected } else { rows = try dataset.rowsWithTarget(target) }
        guard rows.count >= 2 else {
            throw MLError(
                .invalidInput,
                "Only \(rows.count) rows of the file have '\(target)'; explain needs at least 2 labelled rows.")
        }
        let set = try trained.pipeline.trainingSet(dataset, target: trained.target, rows: rows)
        self.init(model: trained.model, pipeline: trained.pipeline, train: set, valid: set, targetName: target)
    }
}
