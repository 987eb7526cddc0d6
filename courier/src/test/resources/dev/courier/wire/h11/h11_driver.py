"""Parse Courier's differential corpus with h11 and print one JSON verdict per case.

Usage: python3 h11_driver.py requests.jsonl responses.jsonl

Each corpus line is {"id", "bytes" (a string whose code points are the bytes), "method"
(responses only: the request method the response answers)}. Each output line is
{"id", "accept", "method"/"target" or "status", "headers", "framing", "error"}.
Exit status 3 means h11 is not importable, so the Java test can skip with a message.
"""
import json
import sys

try:
    import h11
except ImportError:
    print("h11 is not importable", file=sys.stderr)
    sys.exit(3)


def framing(conn):
    """Names the body framing h11 chose, in Courier's vocabulary; CL 0 counts as NONE."""
    reader = conn._reader
    name = type(reader).__name__ if reader is not None else "None"
    if name == "ContentLengthReader":
        length = reader._length
        return "NONE" if length == 0 else "CONTENT_LENGTH(%d)" % length
    if name == "ChunkedReader":
        return "CHUNKED"
    if name == "Http10Reader":
        return "UNTIL_CLOSE"
    return "NONE"


def parse_request(data):
    conn = h11.Connection(h11.SERVER)
    conn.receive_data(data)
    event = conn.next_event()
    if event is h11.NEED_DATA:
        return {"accept": False, "error": "incomplete"}
    return {"accept": True, "method": event.method.decode("latin-1"), "target": event.target.decode("latin-1"),
            "headers": len(event.headers), "framing": framing(conn)}


def parse_response(data, method):
    conn = h11.Connection(h11.CLIENT)
    headers = [("Host", "example.com")]
    conn.send(h11.Request(method=method, target="/", headers=headers))
    conn.send(h11.EndOfMessage())
    conn.receive_data(data)
    event = conn.next_event()
    if event is h11.NEED_DATA:
        return {"accept": False, "error": "incomplete"}
    if isinstance(event, h11.InformationalResponse):
        fr = "NONE"
    else:
        fr = framing(conn)
    return {"accept": True, "status": event.status_code, "headers": len(event.headers), "framing": fr}


def main():
    for path, is_request in ((sys.argv[1], True), (sys.argv[2], False)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                case = json.loads(line)
                data = case["bytes"].encode("latin-1")
                try:
                    if is_request:
                        verdict = parse_request(data)
                    else:
                        verdict = parse_response(data, case.get("method", "GET"))
                except h11.ProtocolError as e:
                    verdict = {"accept": False, "error": str(e)}
                verdict["id"] = case["id"]
                print(json.dumps(verdict, sort_keys=True))


main()
