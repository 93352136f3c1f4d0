// Reads an SVG produced by SVGRenderer back as XML (so a malformed document fails the test) and
// answers what the tests ask: marks by class, texts, and the data value at a pixel of a linear axis,
// recovered from the axis' own tick labels (so "values on the right scale" is checked end to end).
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

struct SVGProbe {
    let document: XMLDocument

    /// Parses `svg`; throws when it is not well-formed XML.
    init(_ svg: String) throws {
        document = try XMLDocument(xmlString: svg, options: [])
    }

    var root: XMLElement? { document.rootElement() }

    /// Every element whose class list contains `cls`, in document order.
    func elements(_ cls: String) throws -> [XMLElement] {
        let nodes = try document.nodes(forXPath: "//*[contains(concat(' ', @class, ' '), ' \(cls) ')]")
        return nodes.compactMap { $0 as? XMLElement }
    }

    /// The marks of one kind (class="mark <kind>"), in drawing order.
    func marks(_ kind: String) throws -> [XMLElement] {
        try elements(kind).filter { e in (SVGProbe.attribute(e, "class") ?? "").split(separator: " ").contains("mark") }
    }

    /// The text of every element with class `cls`.
    func texts(_ cls: String) throws -> [String] { try elements(cls).map { $0.stringValue ?? "" } }

    /// Every text node of the document.
    func allText() throws -> [String] {
        try document.nodes(forXPath: "//*[local-name()='text']").map { $0.stringValue ?? "" }
    }

    /// The attribute `name` of `e` (looked up by name: corelibs' `attribute(forName:)` misses
    /// attributes of elements in the SVG default namespace).
    static func attribute(_ e: XMLElement, _ name: String) -> String? {
        e.attributes?.first { $0.name == name }?.stringValue
    }

    static func number(_ e: XMLElement, _ name: String) -> Double? {
        attribute(e, name).flatMap(Double.init)
    }

    /// The polyline's points as pixel pairs.
    static func points(_ e: XMLElement) -> [(Double, Double)] {
        (attribute(e, "points") ?? "").split(separator: " ").compactMap { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }

    /// Pixel → data on the x axis, from the first and last numeric tick labels.
    func xValue() throws -> (Double) -> Double { try axis("tick-x", coordinate: "x") }

    /// Pixel → data on the y axis (tick labels sit 4 px below their tick).
    func yValue() throws -> (Double) -> Double {
        let f = try axis("tick-y", coordinate: "y")
        return { f($0 + 4) }
    }

    private func axis(_ cls: String, coordinate: String) throws -> (Double) -> Double {
        let ticks: [(Double, Double)] = try elements(cls).compactMap { e in
            guard let p = SVGProbe.number(e, coordinate), let v = Double(e.stringValue ?? "") else { return nil }
            return (p, v)
        }
        guard let a = ticks.first, let b = ticks.last, a.0 != b.0 else {
            struct NoTicks: Error {}
            throw NoTicks()
        }
        return { px in a.1 + (px - a.0) * (b.1 - a.1) / (b.0 - a.0) }
    }
}
