// The words of MLCore's progress events on the screen ("1,200,000 rows read (24 %)", "fold 2 of 5 …"):
// what the spinner shows beside a tool's name and elapsed time while it runs. Terminal only: the notes
// never reach the transcript, the log or a tool's result, so recordings stay deterministic.
// Leaves out: drawing (the CLI's spinner) and French (the notes are a live gauge, not a record).

public import MLCore

/// Renders progress events as short notes.
public enum ProgressText {
    /// One short line for `event`.
    public static func text(_ event: ProgressEvent) -> String {
        switch event {
        case .rowsRead(let rows, let fraction):
            "\(grouped(rows)) rows read (\(Int((fraction * 100).rounded(.down))) %)"
        case .fold(let k, let n, let rows): "fold \(k) of \(n) (\(grouped(rows)) training rows)"
        case .finalFit(let rows): "final fit on all \(grouped(rows)) training rows"
        case .trial(let i, let m, let k, let n): "trial \(i) of \(m), fold \(k) of \(n)"
        }
    }

    /// 1313 → "1,313".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
