// The HTML report: well-formed (parsed as XML), self-contained (no script, no external reference),
// every experiment with its hypothesis and charts inline, and the log's text escaped.
import Foundation
import Testing

@testable import Tracking

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension ChartExportTests {
    @Suite struct HTMLReportTests {
        @Test func reportIsOneSelfContainedWellFormedFile() async throws {
            let report = try SessionReport.load(workspace: try await ExportWorkspace.make())
            let html = HTMLReport.html(report)
            let doc = try XMLDocument(xmlString: html, options: [])
            let svgs = try doc.nodes(forXPath: "//*[local-name()='svg']")
            #expect(svgs.count == 5)
            let sections = try doc.nodes(forXPath: "//*[local-name()='section'][@class='experiment']")
            #expect(sections.count == 3)
            let dts = try doc.nodes(forXPath: "//*[local-name()='dt']").compactMap(\.stringValue)
            #expect(dts.filter { $0 == "Hypothesis" }.count == 3)
            for banned in ["<script", "<link", "src=", "href=", "@import", "url("] {
                #expect(!html.contains(banned), "\(banned)")
            }
            #expect(html.contains("mlexp train wine.csv --target target --model logistic --seed 42 --cv 5"))
            #expect(!html.contains("!mlexp"))
        }

        @Test func logTextIsEscapedAndLightMarkdownRendered() async throws {
            let ws = try await ExportWorkspace.make(hypothesisSuffix: " <b>&</b> **firmly**")
            let html = HTMLReport.html(try SessionReport.load(workspace: ws))
            _ = try XMLDocument(xmlString: html, options: [])
            #expect(html.contains("sets the floor &lt;b&gt;&amp;&lt;/b&gt; <strong>firmly</strong>"))
        }
    }
}
