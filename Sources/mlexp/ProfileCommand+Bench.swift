// `mlexp profile FILE --bench-load N` (hidden): times Dataset.load N times for the CSV benchmark
// (benchmarks/csv_load.py) and prints one JSON line: rows, columns, wall and CPU seconds per load.
// `--bench-profile N` loads once and times DataProfile (with --target when given) N times the same way
// (benchmarks/profile.py).
// Leaves out: comparison with other readers (the Python harness runs those side by side).

import ArgumentParser
import Foundation
import MLCore

#if canImport(Glibc)
    import Glibc
#endif

extension ProfileCommand {
    func benchLoad(repeats: Int, options: CSVOptions) throws(MLError) -> String {
        var wall: [Double] = [], cpu: [Double] = []
        var rows = 0, columns = 0
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = Self.processCPUSeconds()
            let d = try Dataset.load(path: file, options: options)
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu.append(Self.processCPUSeconds() - cpuStart)
            (rows, columns) = (d.rowCount, d.columnCount)
        }
        let w = wall.map { String($0) }.joined(separator: ", "), c = cpu.map { String($0) }.joined(separator: ", ")
        return "{\"rows\": \(rows), \"columns\": \(columns), \"seconds\": [\(w)], \"cpu\": [\(c)]}"
    }

    func benchProfile(repeats: Int, options: CSVOptions) throws(MLError) -> String {
        let d = try Dataset.load(path: file, options: options)
        var wall: [Double] = [], cpu: [Double] = []
        var warnings = 0
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = Self.processCPUSeconds()
            let p = try DataProfile(dataset: d, target: target, timeColumn: timeColumn)
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu.append(Self.processCPUSeconds() - cpuStart)
            warnings = p.warnings.count
        }
        let w = wall.map { String($0) }.joined(separator: ", "), c = cpu.map { String($0) }.joined(separator: ", ")
        return
            "{\"rows\": \(d.rowCount), \"columns\": \(d.columnCount), \"warnings\": \(warnings), \"seconds\": [\(w)], \"cpu\": [\(c)]}"
    }

    /// CPU time of the whole process (all threads), like Python's time.process_time().
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
