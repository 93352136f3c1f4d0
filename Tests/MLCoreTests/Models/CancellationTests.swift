// Cancelling a long gradient-boosting fit (minutes of work) on its compute thread stops it within a second:
// the fit polls the cancellation once per iteration and throws MLError(.cancelled), and since every parallel
// region has returned by then, no thread of the fit burns CPU any more: the process's CPU time (getrusage),
// which grew while the fit ran, stays flat from a second after the cancellation on. That CPU time is checked
// where the suite runs in a process of its own (scripts/test.sh sets MLEXP_TEST_CPU_ALONE=1), since tests
// running beside it add theirs; the suite runs its tests one at a time for the same reason. A fit that is
// not cancelled is unaffected. (The chat test checks the same from outside: mlexp's CPU time after Ctrl-C during a search.)

import Foundation
import Synchronization
import Testing

@testable import MLCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite(.serialized) struct CancellationTests {
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
        try await Task.sleep(for: .milliseconds(300))  // well into the fit
        let cpuBefore = Self.processCPUSeconds()
        try await Task.sleep(for: .milliseconds(700))
        let burnt = Self.processCPUSeconds() - cpuBefore
        let clock = ContinuousClock(), cancelledAt = clock.now
        task.cancel()
        let result = await task.result
        let took = cancelledAt.duration(to: clock.now)
        #expect(took < .seconds(1), "the fit ran \(took) after the cancellation")
        // From a second after the cancellation on, the process's CPU time stops growing.
        try await Task.sleep(until: cancelledAt + .seconds(1), clock: clock)
        let cpuThen = Self.processCPUSeconds()
        try await Task.sleep(for: .seconds(1))
        let after = Self.processCPUSeconds() - cpuThen
        if ProcessInfo.processInfo.environment["MLEXP_TEST_CPU_ALONE"] == "1" {
            #expect(burnt > 0.1, "the fit used \(burnt) s of CPU in 0.7 s before the cancellation")
            #expect(after < 0.2, "the process used \(after) s of CPU in the second from 1 s after the cancellation")
        }
        switch result {
        case .success(let iterations): Issue.record("the fit finished (\(iterations) iterations) instead of stopping")
        case .failure(let error): #expect((error as? MLError)?.code == .cancelled)
        }
    }

    /// User + system CPU time of this process, all threads, in seconds.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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
