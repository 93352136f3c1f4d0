// A Jupyter notebook as a value (nbformat 4.5: cells with ids, display_data outputs) and its JSON
// text. Leaves out: execution (cells are written with execution_count null and only display
// outputs), attachments, and reading notebooks back.
import Foundation

/// A Jupyter notebook in nbformat 4.5.
public struct Notebook: Sendable, Equatable {
    /// One MIME bundle shown under a code cell (a `display_data` output).
    public struct Display: Sendable, Equatable {
        /// MIME type → content, in order (richest first: Jupyter shows the first it can).
        public var data: [(String, OrderedJSON)]

        public init(_ data: [(String, OrderedJSON)]) { self.data = data }

        public static func == (a: Display, b: Display) -> Bool {
            a.data.count == b.data.count && zip(a.data, b.data).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        }

        /// A chart as Vega-Lite (interactive in JupyterLab), SVG (fallback) and plain text (terminal).
        public static func chart(_ chart: Chart) -> Display {
            Display([
                (VegaLiteEncoder.mimeType, VegaLiteEncoder.encode(chart)),
                ("image/svg+xml", .string(SVGRenderer.render(chart))),
                ("text/plain", .string(TerminalChart.render(chart))),
            ])
        }
    }

    public enum Cell: Sendable, Equatable {
        case markdown(id: String, source: String)
        case code(id: String, source: String, outputs: [Display])

        public var id: String {
            switch self {
            case .markdown(let id, _), .code(let id, _, _): return id
            }
        }
    }

    public var cells: [Cell]
    /// Extra notebook-level metadata under the "mlexp" key (tool version, workspace, export time).
    public var mlexp: [(String, OrderedJSON)]

    public init(cells: [Cell] = [], mlexp: [(String, OrderedJSON)] = []) {
        self.cells = cells
        self.mlexp = mlexp
    }

    public static func == (a: Notebook, b: Notebook) -> Bool {
        a.cells == b.cells && OrderedJSON.object(a.mlexp) == OrderedJSON.object(b.mlexp)
    }

    /// The notebook as nbformat JSON.
    public var json: OrderedJSON {
        .object([
            ("cells", .array(cells.map(Self.cellJSON))),
            (
                "metadata",
                .object([
                    ("kernelspec", ["display_name": "Python 3", "language": "python", "name": "python3"]),
                    ("language_info", ["name": "python"]),
                    ("mlexp", .object(mlexp)),
                ])
            ),
            ("nbformat", 4),
            ("nbformat_minor", 5),
        ])
    }

    /// The .ipynb file's text (one-space indentation, as Jupyter writes it).
    public func serialized() -> String { json.serialized(indent: 1) + "\n" }

    static func cellJSON(_ cell: Cell) -> OrderedJSON {
        switch cell {
        case .markdown(let id, let source):
            return .object([
                ("cell_type", "markdown"), ("id", .string(id)), ("metadata", .object([])),
                ("source", lines(source)),
            ])
        case .code(let id, let source, let outputs):
            let outs: [OrderedJSON] = outputs.map { d in
                .object([
                    ("output_type", "display_data"), ("data", .object(d.data.map { ($0.0, mimeValue($0.0, $0.1)) })),
                    ("metadata", .object([])),
                ])
            }
            return .object([
                ("cell_type", "code"), ("execution_count", .null), ("id", .string(id)),
                ("metadata", .object([])), ("outputs", .array(outs)), ("source", lines(source)),
            ])
        }
    }

    /// Text MIME data as a list of lines (Jupyter's own layout); JSON MIME data as is.
    static func mimeValue(_ mime: String, _ value: OrderedJSON) -> OrderedJSON {
        if case .string(let s) = value, !mime.hasSuffix("json") { return lines(s) }
        return value
    }

    /// A multi-line string as nbformat stores it: lines that keep their "\n", the last without.
    static func lines(_ text: String) -> OrderedJSON {
        var out: [OrderedJSON] = []
        var current = ""
        for ch in text.replacingOccurrences(of: "\r\n", with: "\n") {
            current.append(ch)
            if ch == "\n" { out.append(.string(current)); current = "" }
        }
        if !current.isEmpty { out.append(.string(current)) }
        return .array(out)
    }

    /// A valid, unique-looking cell id from a readable name: [A-Za-z0-9-_], at most 64 characters.
    public static func cellID(_ name: String) -> String {
        let cleaned = String(
            name.lowercased().unicodeScalars.map { s -> Character in
                (s.isASCII && (CharacterSet.alphanumerics.contains(s) || s == "-" || s == "_")) ? Character(s) : "-"
            })
        let trimmed = String(cleaned.prefix(64))
        return trimmed.isEmpty ? "cell" : trimmed
    }
}
