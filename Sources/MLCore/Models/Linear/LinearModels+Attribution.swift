// Linear and logistic regression expose their coefficients to the Explain layer's coefficient
// importance (LinearAttributable): one output for regression and two classes, one per class otherwise.
// Leaves out: standard errors and p-values.

extension FittedLinearRegression: LinearAttributable {
    public var linearCoefficients: [Double] { coefficients }
    public var linearOutputs: Int { 1 }
}

extension FittedLogisticRegression: LinearAttributable {
    public var linearCoefficients: [Double] { coefficients }
    public var linearOutputs: Int { intercepts.count }
}
