// Bad input gets a clear MLError that says what to do: one class, NaN / infinity where a family
// cannot take them (naming those that can), more classes than rows, k larger than the data,
// out-of-range hyper-parameters (naming the range), unknown names and keys (with a suggestion), and
// predicting on data with missing or extra columns.

import Testing

@testable import MLCore

@Suite struct BadInputTests {
    func error(_ body: () throws(MLError) -> Void) -> MLError? {
        do { try body() } catch { return error }
        return nil
    }

    @Test(arguments: ["logistic", "gbdt", "tree", "random_forest", "knn", "naive_bayes", "baseline"])
    func aTargetWithOneClassIsRefused(_ model: String) throws {
        let x = ModelTestData.features(rows: 20, features: 2, seed: 1)
        let data = TrainingSet(x: x, y: .classes(labels: [Int](repeating: 0, count: 20), classNames: ["a", "b"]))
        let e = error { () throws(MLError) in _ = try ModelRegistry.make(model).fit(data) }
        #expect(e?.code == .invalidTarget)
        #expect(e?.message.contains("one class") == true)
    }

    @Test(arguments: ["logistic", "linear", "ridge", "knn", "naive_bayes", "kmeans"])
    func missingValuesAreRefusedNamingTheFamiliesThatTakeThem(_ model: String) throws {
        var data =
            model == "logistic" || model == "naive_bayes" ? ModelTestData.classification() : ModelTestData.regression()
        data.x[3, 1] = .nan
        let e = error { () throws(MLError) in _ = try ModelRegistry.make(model).fit(data) }
        #expect(e?.code == .invalidInput)
        #expect(e?.message.contains("gbdt") == true)
        #expect(e?.message.contains("x1") == true)
    }

    @Test(arguments: ["gbdt", "tree", "random_forest"])
    func treeFamiliesTakeMissingValues(_ model: String) throws {
        var data = ModelTestData.classification()
        for r in stride(from: 0, to: 300, by: 7) { data.x[r, 0] = .nan }
        let p = try ModelRegistry.make(model, parameters: model == "random_forest" ? ["nEstimators": "5"] : [:]).fit(
            data
        ).predict(data.x)
        #expect(p.count == 300)
    }

    @Test func infinityIsRefusedEvenByTrees() throws {
        var data = ModelTestData.classification()
        data.x[0, 0] = .infinity
        let e = error { () throws(MLError) in _ = try ModelRegistry.make("gbdt").fit(data) }
        #expect(e?.message.contains("infinite") == true)
    }

    @Test func moreClassesThanRowsIsRefused() throws {
        let x = ModelTestData.features(rows: 3, features: 1, seed: 1)
        let data = TrainingSet(x: x, y: .classes(labels: [0, 1, 2], classNames: ["a", "b", "c", "d"]))
        let e = error { () throws(MLError) in _ = try ModelRegistry.make("logistic").fit(data) }
        #expect(e?.message.contains("more classes than rows") == true)
    }

    @Test(arguments: [("knn", "nNeighbors"), ("kmeans", "nClusters")])
    func kLargerThanTheDataIsRefused(_ model: String, _ key: String) throws {
        let data = model == "kmeans" ? ModelTestData.clustering(rows: 10) : ModelTestData.classification(rows: 10)
        let e = error { () throws(MLError) in _ = try ModelRegistry.make(model, parameters: [key: "11"]).fit(data) }
        #expect(e?.code == .invalidParameter)
        #expect(e?.message.contains("1…10") == true)
    }

    @Test func outOfRangeParametersNameTheRange() throws {
        let e = error { () throws(MLError) in _ = try ModelRegistry.make("gbdt", parameters: ["maxLeafNodes": "1"]) }
        #expect(e?.message.contains("2…65536") == true)
        let l = error { () throws(MLError) in _ = try ModelRegistry.make("logistic", parameters: ["C": "0"]) }
        #expect(l?.message.contains("(0, ∞]") == true)
        let n = error { () throws(MLError) in _ = try ModelRegistry.make("tree", parameters: ["maxDepth": "deep"]) }
        #expect(n?.message.contains("not an integer") == true)
    }

    @Test func unknownNamesAndKeysGetSuggestions() throws {
        let m = error { () throws(MLError) in _ = try ModelRegistry.make("random_forrest") }
        #expect(m?.message.contains("Did you mean 'random_forest'") == true)
        let k = error { () throws(MLError) in
            _ = try ModelRegistry.make("gbdt", parameters: ["learningrate": "0.1", "maxLeaves": "8"])
        }
        #expect(k?.message.contains("maxLeafNodes") == true)
    }

    @Test func snakeCaseKeysAreAccepted() throws {
        let e = try ModelRegistry.make("gbdt", parameters: ["max_iter": "7", "learning_rate": "0.3"])
        #expect(e.parameters["maxIter"] == "7")
        #expect(e.parameters["learningRate"] == "0.3")
    }

    @Test(arguments: ["gbdt", "logistic", "ridge", "knn", "tree"])
    func predictingOnDifferentColumnsIsRefused(_ model: String) throws {
        let data = model == "ridge" ? ModelTestData.regression() : ModelTestData.classification()
        let fitted = try ModelRegistry.make(model).fit(data)
        let missing = FeatureMatrix(columns: [Array(data.x.column(0))], names: ["x0"])
        let e = error { () throws(MLError) in _ = try fitted.predict(missing) }
        #expect(e?.code == .shapeMismatch)
        #expect(e?.message.contains("Missing: x1") == true)
        var columns = (0..<data.x.featureCount).map { Array(data.x.column($0)) }
        columns.append(columns[0])
        let extra = FeatureMatrix(columns: columns, names: (0..<columns.count).map { "x\($0)" })
        let e2 = error { () throws(MLError) in _ = try fitted.predict(extra) }
        #expect(e2?.message.contains("extra: x4") == true)
    }

    @Test func aRegressorRefusesClassesAndViceVersa() throws {
        let e = error { () throws(MLError) in _ = try ModelRegistry.make("ridge").fit(ModelTestData.classification()) }
        #expect(e?.message.contains("numeric target") == true)
        let l = error { () throws(MLError) in _ = try ModelRegistry.make("logistic").fit(ModelTestData.regression()) }
        #expect(l?.message.contains("class target") == true)
    }
}
