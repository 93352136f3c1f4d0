// Tracking: the run store (SQLite), the experiment log (Markdown), charts, notebook export and the MLflow sink.
