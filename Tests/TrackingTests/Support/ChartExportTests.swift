// The parent of the chart and export suites, run one test at a time: their synchronous work
// (drawing, XML parsing) then holds at most one thread of the shared test pool, so suites that
// time themselves on a small machine (HTTP, LLM client) keep a thread to resume on.
import Testing

@Suite(.serialized) enum ChartExportTests {}
