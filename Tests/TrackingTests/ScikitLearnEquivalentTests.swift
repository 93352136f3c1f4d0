// Every scikit-learn class a model family's row names (MLCore's ModelFamily+Table) exists in the test
// venv's scikit-learn under the module stated, takes every parameter the row lets a run set, and takes a
// random_state exactly when the row says it is seeded: the row is what the exported notebooks import
// and call, so a typo there is a notebook that fails in Python. The reference is scikit-learn's own
// constructor signatures (inspect.signature).
import Foundation
import MLCore
import TestSupport
import Testing

@Suite struct ScikitLearnEquivalentTests {
    @Test(.enabled(if: VenvPython.enabled)) func everyRowNamesARealClassAndItsParameters() async throws {
        var lines: [String] = []
        for family in ModelFamily.all {
            let sk = family.scikitLearn
            for peer in [sk.classifier, sk.regressor, sk.clusterer].compactMap({ $0 }) {
                let names = peer.parameters.sorted().map { "'\($0)'" }.joined(separator: ", ")
                lines.append(
                    "check('\(family.name)', '\(peer.module)', '\(peer.name)', [\(names)], \(peer.seeded ? "True" : "False"))"
                )
            }
        }
        #expect(lines.count >= ModelFamily.all.count)
        let script = """
            import importlib, inspect, sys
            bad = []
            def check(family, module, name, params, seeded):
                cls = getattr(importlib.import_module(module), name, None)
                if cls is None:
                    bad.append(f"{family}: no {name} in {module}"); return
                accepted = set(inspect.signature(cls).parameters)
                missing = sorted(set(params) - accepted)
                if missing: bad.append(f"{family}: {name} takes no {missing}")
                if seeded != ("random_state" in accepted): bad.append(f"{family}: {name} seeded should be {not seeded}")
            \(lines.joined(separator: "\n"))
            print("\\n".join(bad)); sys.exit(1 if bad else 0)
            """
        let r = try await VenvPython.run(script)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test func aRunsTaskPicksThePeer() throws {
        let ridge = try ModelFamily.named("ridge").scikitLearn
        #expect(ridge.peer(classification: true, regression: false)?.name == "RidgeClassifier")
        #expect(ridge.peer(classification: false, regression: true)?.name == "Ridge")
        #expect(ridge.peer(classification: false, regression: false) == nil)
        // The clustering family's class whatever the task says; a classifier-only family has none for regression.
        #expect(ModelFamily.kmeans.scikitLearn.peer(classification: false, regression: false)?.name == "KMeans")
        #expect(try ModelFamily.named("logistic").scikitLearn.peer(classification: false, regression: true) == nil)
    }
}
