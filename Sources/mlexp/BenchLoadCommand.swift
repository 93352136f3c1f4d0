// `mlexp bench-load FILE [--repeat N] [--threads N]` (hidden): times Dataset.load for the CSV
// benchmark (benchmarks/csv_load.py) and prints one JSON line: rows, columns, wall and CPU seconds per repeat.
// Leaves out: comparison with other readers (the Python harness runs those side by side).

import ArgumentParser
import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import MLCore

struct BenchLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-load", abstract: "Time the CSV loader (for benchmarks/csv_load.py).", shouldDisplay: false)

    @Argument(help: "The CSV file to load.")
    var file: String

    @Option(name: .long, help: "How many times to load it.")
    var `repeat` = 1

    @Option(name: .long, help: "Reader threads (default: every core).")
    var threads: Int?

    func run() throws {
        let timing: (seconds: [Double], cpu: [Double], rows: Int, columns: Int)
        do {
            timing = try measure()
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let wall = timing.seconds.map { String($0) }.joined(separator: ", ")
        let cpu = timing.cpu.map { String($0) }.joined(separator: ", ")
        print("{\"rows\": \(timing.rows), \"columns\": \(timing.columns), \"seconds\": [\(wall)], \"cpu\": [\(cpu)]}")
    }

    func measure() throws(MLError) -> (seconds: [Double], cpu: [Double], rows: Int, columns: Int) {
        var seconds: [Double] = [], cpu: [Double] = []
        var rows = 0, columns = 0
        for _ in 0..<max(1, self.repeat) {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = Self.processCPUSeconds()
            let d = try Dataset.load(path: file, options: CSVOptions(threads: threads))
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu.append(Self.processCPUSeconds() - cpuStart)
            (rows, columns) = (d.rowCount, d.columnCount)
        }
        return (seconds, cpu, rows, columns)
    }

    /// CPU time of the whole process (all threads), like Python's time.process_time().
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
