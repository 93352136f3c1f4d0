#!/usr/bin/env python3
"""Reads the offline runs the wandb SDK wrote under a folder and prints them as JSON.

Usage: wandb-offline-runs.py WANDB_FOLDER   (the `wandb/` folder holding offline-run-*/run-*.wandb)

Each `run-*.wandb` file is a sequence of `wandb_internal.Record` protobufs in LevelDB-log framing:
a 7-byte header (":W&B", magic 0xBEE1, version 0), then 32 KiB blocks of records, each with a
7-byte header (CRC-32 of type and data, length, type FULL/FIRST/MIDDLE/LAST); a record split over
blocks is joined back. The CRC of every chunk is checked. Config and summary are rebuilt by applying
their updates in order, as the W&B server does when the run is synced.

Prints a list, one object per run: id, name, group, tags, notes, config, summary, history (one
object per logged step), artifacts (name, type and each file's path -> base64 MD5 digest), the
exit code, and `errors`: the ERROR lines of the run's SDK logs. Used by the W&B export's integration
test (Tests/CLITests/WandbExportCLITests.swift).
"""
import glob
import json
import os
import struct
import sys
import zlib

from wandb.proto import wandb_internal_pb2 as pb

BLOCK = 32768
HEADER = 7
FULL, FIRST, MIDDLE, LAST = 1, 2, 3, 4


def records(path):
    data = open(path, "rb").read()
    ident, magic, version = struct.unpack("<4sHB", data[:HEADER])
    if (ident, magic, version) != (b":W&B", 0xBEE1, 0):
        raise ValueError(f"{path}: not a W&B record file (header {ident!r} {magic:#x} {version})")
    pos, pending = HEADER, None
    while pos + HEADER <= len(data):
        left = BLOCK - pos % BLOCK
        if left < HEADER:  # a block's trailer: zero bytes
            pos += left
            continue
        crc, length, kind = struct.unpack("<IHB", data[pos:pos + HEADER])
        if crc == 0 and length == 0 and kind == 0:  # zero padding to the end of the block
            pos += left
            continue
        chunk = data[pos + HEADER:pos + HEADER + length]
        if len(chunk) != length or zlib.crc32(chunk, zlib.crc32(bytes([kind]))) & 0xFFFFFFFF != crc:
            raise ValueError(f"{path}: damaged record at byte {pos}")
        pos += HEADER + length
        if kind == FULL:
            yield chunk
        elif kind == FIRST:
            pending = chunk
        elif kind == MIDDLE and pending is not None:
            pending += chunk
        elif kind == LAST and pending is not None:
            yield pending + chunk
            pending = None
        else:
            raise ValueError(f"{path}: record type {kind} out of order at byte {pos}")


def apply(target, items, removes=()):
    """Applies config or summary updates (a key, or a nested key path) in order."""
    for item in items:
        path = list(item.nested_key) or [item.key]
        node = target
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = json.loads(item.value_json)
    for item in removes:
        path = list(item.nested_key) or [item.key]
        node = target
        for key in path[:-1]:
            node = node.get(key, {})
        node.pop(path[-1], None)


def read_run(path):
    run = {"config": {}, "summary": {}, "history": [], "artifacts": [], "exit_code": None}
    for raw in records(path):
        record = pb.Record()
        record.ParseFromString(raw)
        kind = record.WhichOneof("record_type")
        if kind == "run":
            r = record.run
            run.update(id=r.run_id, name=r.display_name, group=r.run_group, tags=list(r.tags), notes=r.notes,
                       project=r.project, entity=r.entity)
            apply(run["config"], r.config.update)
            apply(run["summary"], r.summary.update)
        elif kind == "config":
            apply(run["config"], record.config.update, record.config.remove)
        elif kind == "summary":
            apply(run["summary"], record.summary.update, record.summary.remove)
        elif kind == "history":
            row = {}
            apply(row, record.history.item)
            run["history"].append(row)
        elif kind == "artifact":
            a = record.artifact
            run["artifacts"].append({"name": a.name, "type": a.type,
                                     "files": {e.path: e.digest for e in a.manifest.contents}})
        elif kind == "exit":
            run["exit_code"] = record.exit.exit_code
    folder = os.path.dirname(path)
    errors = []
    for log in glob.glob(os.path.join(folder, "logs", "*.log")):
        for line in open(log, encoding="utf-8", errors="replace"):
            if '"level":"ERROR"' in line or " ERROR " in line:
                errors.append(os.path.basename(log) + ": " + line.strip())
    run["errors"] = errors
    return run


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    files = sorted(glob.glob(os.path.join(sys.argv[1], "offline-run-*", "run-*.wandb")))
    json.dump([read_run(f) for f in files], sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
