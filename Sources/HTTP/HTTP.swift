// HTTP: a small transport over libcurl (CCurl): requests, streamed bodies, timeouts, retries, cancellation.
// Shared by the LLM client and the MLflow sink.
