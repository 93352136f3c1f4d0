// The scikit-learn class that does what a model family does, per task, stated in the family's row of
// ModelFamily+Table: the class and its module, whether it takes a random_state, whether its inputs are
// scaled, and which of its constructor parameters a run's hyper-parameters may set. Plain strings
// describing the peer class, read by the notebook and script exports (Tracking's Reproduction).
// Leaves out: anything Python; the mapping of task names (the exports decide what a task is).

/// The scikit-learn classes equivalent to a model family: one for classification and/or one for
/// regression, or one for clustering whatever the task.
public struct ScikitLearnEquivalent: Sendable {
    /// One scikit-learn estimator class.
    public struct Peer: Sendable, Equatable {
        /// The class name (`GaussianNB`).
        public let name: String
        /// The module it is imported from (`sklearn.naive_bayes`).
        public let module: String
        /// Whether it takes a `random_state` (the run's seed is passed there).
        public let seeded: Bool
        /// Whether its numeric inputs should be standardised.
        public let scaled: Bool
        /// Its constructor parameters (snake_case) a run's hyper-parameters may set; the others
        /// (threads, mlexp-only knobs) are named in a comment instead.
        public let parameters: Set<String>

        public init(_ name: String, module: String, seeded: Bool, scaled: Bool, parameters: Set<String>) {
            self.name = name
            self.module = module
            self.seeded = seeded
            self.scaled = scaled
            self.parameters = parameters
        }
    }

    /// The class for a classification run, if any.
    public let classifier: Peer?
    /// The class for a regression run, if any.
    public let regressor: Peer?
    /// The class of a clustering family, used whatever the run's task.
    public let clusterer: Peer?

    /// No scikit-learn equivalent (the exports then give the command line only).
    public init(classifier: Peer? = nil, regressor: Peer? = nil, clusterer: Peer? = nil) {
        self.classifier = classifier
        self.regressor = regressor
        self.clusterer = clusterer
    }

    /// The class for a run of this task: the classifier or the regressor, else the clusterer.
    public func peer(classification: Bool, regression: Bool) -> Peer? {
        (classification ? classifier : regression ? regressor : nil) ?? clusterer
    }
}
