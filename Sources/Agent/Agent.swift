// Agent: the tools, the session, the loop, the Autopilot, transcripts and evaluation.
