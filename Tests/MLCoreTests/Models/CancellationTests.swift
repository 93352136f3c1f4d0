// Cancelling a long gradient-boosting fit (minutes of work) on its compute thread stops it within a second:
// the fit polls the cancellation once per iteration and throws MLError(.cancelled), and since every parallel
// region has returned by then, no thread of the fit burns CPU any more (the chat test checks mlexp's CPU
// time from outside). A fit that is not cancelled is unaffected.

import Foundation
import Synchronization
import Testing

@testable import MLCore

@Suite struct CancellationTests {
    static func longFit() -> (HistGradientBoosting, TrainingSet) {
        var g = SeededGenerator(seed: 5)
        let n = 100_000, f = 10
        var columns = [[Double]](repeating: [Double](repeating: 0, count: n), count: f)
        var y = [Double](repeating: 0, count: n)
        for r in 0..<n {
            for j in 0..<f { columns[j][r] = g.nextGaussian() }
            y[r] = columns[0][r] - 2 * columns[1][r] + g.nextGaussian()
        }
        var p = GradientBoostingParameters()
        p.maxIter = 100_000
        p.minSamplesLeaf = 1
        p.maxLeafNodes = 255
        return (HistGradientBoosting(p), TrainingSet(x: FeatureMatrix(columns: columns), y: .values(y)))
    }

    @Test func cancellingALongFitStopsItWithinASecond() async throws {
        let (model, data) = Self.longFit()
        let started = Mutex(false)
        let task = ComputeThread.detached { () throws(MLError) -> Int in
            started.withLock { $0 = true }
            return try model.fit(data).iterations
        }
        while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(500))  // well into the fit
        let clock = ContinuousClock(), cancelledAt = clock.now
        task.cancel()
        let result = await task.result
        let took = cancelledAt.duration(to: clock.now)
        #expect(took < .seconds(1), "the fit ran \(took) after the cancellation")
        switch result {
        case .success(let iterations): Issue.record("the fit finished (\(iterations) iterations) instead of stopping")
        case .failure(let error): #expect((error as? MLError)?.code == .cancelled)
        }
    }

    @Test func aFitThatIsNotCancelledRunsToTheEnd() async throws {
        let (model, data) = Self.longFit()
        var parameters = model.parameters
        parameters.maxIter = 3
        let short = HistGradientBoosting(parameters)
        let fitted = try await ComputeThread.run { try short.fit(data) }
        #expect(fitted.iterations == 3)
    }
}
