// The Vega-Lite form of every chart: inline data with every point, the v5 schema URL, and (with the
// test venv) validation against the Vega-Lite v5 JSON schema that Altair 5 ships.
import Foundation
import TestSupport
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct VegaLiteTests {
        func parsed(_ chart: Chart) throws -> [String: Any] {
            let text = VegaLiteEncoder.encode(chart).serialized()
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }

        @Test func specsCarryEveryLayerAndDatum() throws {
            for chart in try AllCharts.make() {
                let spec = try parsed(chart)
                #expect(spec["$schema"] as? String == "https://vega.github.io/schema/vega-lite/v5.json")
                #expect(spec["title"] as? String == chart.title)
                let layers = try #require(spec["layer"] as? [[String: Any]])
                #expect(layers.count == chart.layers.count, "\(chart.kind)")
                for (l, layer) in zip(layers, chart.layers) {
                    let values = (l["data"] as? [String: Any])?["values"] as? [Any]
                    #expect(values?.count == layer.data.count, "\(chart.kind) \(layer.mark)")
                }
            }
        }

        @Test func rocSpecHoldsTheCurveAndFixedUnitAxes() throws {
            let f = try ChartFixtures.load()
            let spec = try parsed(try Chart.roc(f.roc))
            let layers = try #require(spec["layer"] as? [[String: Any]])
            let curve = try #require(layers.first { ($0["mark"] as? [String: Any])?["type"] as? String == "line" })
            let values = try #require((curve["data"] as? [String: Any])?["values"] as? [[String: Any]])
            #expect(values.compactMap { $0["x"] as? Double } == f.roc[0].x)
            #expect(values.compactMap { $0["y"] as? Double } == f.roc[0].y)
            let x = try #require((curve["encoding"] as? [String: Any])?["x"] as? [String: Any])
            #expect((x["scale"] as? [String: Any])?["domain"] as? [Double] == [0, 1])
        }

        @Test func aRuleOnABandAxisSpansItAtOneValue() throws {
            let spec = try parsed(try Chart.runComparison(try ChartFixtures.load().runComparison))
            let layers = try #require(spec["layer"] as? [[String: Any]])
            let rule = try #require(layers.first { ($0["mark"] as? [String: Any])?["strokeDash"] != nil })
            let encoding = try #require(rule["encoding"] as? [String: Any])
            #expect(encoding["x"] != nil && encoding["y"] == nil && encoding["x2"] == nil)
        }

        @Test func jsonTextEscapesQuotesAndControlCharacters() throws {
            let v: OrderedJSON = ["a\"b\\c\n\u{1}": [1.5, 2, .null, true, "é"]]
            let back = try JSONSerialization.jsonObject(with: Data(v.serialized(indent: 1).utf8)) as? [String: Any]
            let items = try #require(back?["a\"b\\c\n\u{1}"] as? [Any])
            #expect(items.count == 5 && items[0] as? Double == 1.5 && items[4] as? String == "é")
            #expect(OrderedJSON.number(.nan).serialized() == "null")
        }

        @Test(.enabled(if: VenvPython.enabled)) func specsValidateAgainstTheVegaLiteV5Schema() async throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlexp-vl-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            var paths: [String] = []
            for chart in try AllCharts.make() {
                let url = dir.appendingPathComponent("\(chart.kind).json")
                try VegaLiteEncoder.encode(chart).serialized().write(to: url, atomically: true, encoding: .utf8)
                paths.append(url.path)
            }
            let script = """
                import json, os, sys, jsonschema, altair
                schema_path = os.path.join(os.path.dirname(altair.__file__), "vegalite", "v5", "schema", "vega-lite-schema.json")
                schema = json.load(open(schema_path))
                validator = jsonschema.Draft7Validator(schema)
                bad = 0
                for p in sys.argv[1:]:
                    e = jsonschema.exceptions.best_match(validator.iter_errors(json.load(open(p))))
                    if e is not None:
                        print(os.path.basename(p), list(e.absolute_path), e.message[:300]); bad += 1
                sys.exit(1 if bad else 0)
                """
            let r = try await VenvPython.run(script, paths)
            #expect(r.status == 0, "Vega-Lite schema errors:\n\(r.stdout)\(r.stderr)")
        }
    }
}
