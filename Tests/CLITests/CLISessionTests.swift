// The command-line tests run the mlexp binary that this target builds (it depends on the mlexp
// target), reading its stdout and stderr at once (TestSupport.runProcess). The suites that run whole
// sessions are nested here and run one after another: on two cores, sessions side by side only slow
// each other down.
import Testing

@Suite(.serialized) enum CLISessionTests {}
