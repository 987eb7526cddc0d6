"""Runs many HTTPie command lines in one Python process (start-up of `http` is ~0.3 s each).

Reads a JSON list of argument lists on stdin; writes, for each, a JSON object
{"status": int, "out": base64 bytes, "err": text} on its own line.
"""
import base64
import io
import json
import sys

from httpie.context import Environment
from httpie.core import main


def run(args):
    out_bytes = io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True)
    err = io.StringIO()
    env = Environment(stdin=None, stdin_isatty=True, stdout=out, stdout_isatty=False, stderr=err)
    env.stdin = None
    try:
        status = main(["http"] + args, env=env)
    except SystemExit as e:
        status = e.code
    out.flush()
    return {"status": int(status), "out": base64.b64encode(out_bytes.getvalue()).decode(), "err": err.getvalue()}


for case in json.load(sys.stdin):
    print(json.dumps(run(case)), flush=True)
