"""Record httpbin's answers to a fixed list of requests, for HttpBinFixtureTest.

Runs httpbin's Flask app in process (Flask's test client, no socket), so the answers do not
depend on a host or port. Each entry keeps the request that was sent and the answer.
"""
import base64
import json
import sys

from httpbin import app

BOUNDARY = "courierfixtureboundary"


def multipart():
    parts = [
        b'--' + BOUNDARY.encode() + b'\r\nContent-Disposition: form-data; name="title"\r\n\r\nHoliday\r\n',
        b'--' + BOUNDARY.encode() + b'\r\nContent-Disposition: form-data; name="tag"\r\n\r\nsea\r\n',
        b'--' + BOUNDARY.encode() + b'\r\nContent-Disposition: form-data; name="tag"\r\n\r\nsun\r\n',
        b'--' + BOUNDARY.encode() + b'\r\nContent-Disposition: form-data; name="notes"; filename="n.txt"\r\n'
        b'Content-Type: text/plain\r\n\r\nhello file\r\n',
        b'--' + BOUNDARY.encode() + b'\r\nContent-Disposition: form-data; name="blob"; filename="b.bin"\r\n'
        b'Content-Type: application/x-thing\r\n\r\n\xff\x00\x01\r\n',
        b'--' + BOUNDARY.encode() + b'--\r\n',
    ]
    return b''.join(parts)


CASES = [
    ("get-args", "GET", "/get?a=1&a=2&b=x%20y", {"x-custom-THING": "v", "x-b3-traceid": "t"}, None, None),
    ("anything-get", "GET", "/anything/sub/path?q=1", {}, None, None),
    ("post-json", "POST", "/post", {}, "application/json", b'{"n": 1, "s": "caf\\u00e9", "l": [true, null, 2.5]}'),
    ("post-form", "POST", "/post?x=y", {}, "application/x-www-form-urlencoded", b"a=1&b=two+words&a=3"),
    ("post-multipart", "POST", "/post", {}, "multipart/form-data; boundary=" + BOUNDARY, multipart()),
    ("put-text", "PUT", "/put", {}, "text/plain", b"plain text"),
    ("put-binary", "PUT", "/put", {}, "application/octet-stream", b"\x80\xfe"),
    ("patch-json", "PATCH", "/patch", {}, "application/json", b'[1, 2]'),
    ("delete-args", "DELETE", "/delete?k=v", {}, None, None),
    ("anything-put-form", "PUT", "/anything", {}, "application/x-www-form-urlencoded", b"f=1"),
    ("headers", "GET", "/headers", {"x-b3-traceid": "abc", "DNT": "1"}, None, None),
    ("ip", "GET", "/ip", {}, None, None),
    ("user-agent", "GET", "/user-agent", {"User-Agent": "fixture/1"}, None, None),
    ("uuid", "GET", "/uuid", {}, None, None),
    ("cookies", "GET", "/cookies", {"Cookie": "a=1; b=2"}, None, None),
    ("cookies-set", "GET", "/cookies/set?k=v", {}, None, None),
    ("cookies-set-path", "GET", "/cookies/set/n/v", {}, None, None),
    ("basic-auth-ok", "GET", "/basic-auth/u/p", {"Authorization": "Basic dTpw"}, None, None),
    ("basic-auth-bad", "GET", "/basic-auth/u/p", {}, None, None),
    ("hidden-basic-auth", "GET", "/hidden-basic-auth/u/p", {}, None, None),
    ("bearer-ok", "GET", "/bearer", {"Authorization": "Bearer tok"}, None, None),
    ("bearer-none", "GET", "/bearer", {}, None, None),
    ("status-418", "GET", "/status/418", {}, None, None),
    ("status-302", "GET", "/status/302", {}, None, None),
    ("status-weighted", "GET", "/status/201:1,202:0", {}, None, None),
    ("redirect-3", "GET", "/redirect/3", {}, None, None),
    ("relative-redirect-1", "GET", "/relative-redirect/1", {}, None, None),
    ("redirect-to", "GET", "/redirect-to?url=/get&status_code=307", {}, None, None),
    ("range-part", "GET", "/range/30", {"Range": "bytes=24-27"}, None, None),
    ("range-bad", "GET", "/range/30", {"Range": "bytes=40-50"}, None, None),
    ("base64", "GET", "/base64/SFRUUEJJTiBpcyBhd2Vzb21l", {}, None, None),
    ("etag-none-match", "GET", "/etag/abc", {"If-None-Match": '"abc"'}, None, None),
    ("etag-match-fails", "GET", "/etag/abc", {"If-Match": '"x"'}, None, None),
    ("cache-conditional", "GET", "/cache", {"If-None-Match": "x"}, None, None),
    ("links", "GET", "/links/3/1", {}, None, None),
    ("stream-2", "GET", "/stream/2", {}, None, None),
    ("response-headers", "GET", "/response-headers?X-Thing=1&X-Thing=2", {}, None, None),
    ("drip", "GET", "/drip?numbytes=3&duration=0&code=201", {}, None, None),
]


def record():
    client = app.test_client(use_cookies=False)
    out = []
    for name, method, path, headers, ctype, body in CASES:
        h = dict(headers)
        if ctype:
            h["Content-Type"] = ctype
        r = client.open(path, method=method, headers=h, data=body)
        data = r.get_data()
        ct = r.headers.get("Content-Type", "")
        entry = {
            "name": name,
            "request": {
                "method": method, "path": path, "headers": h,
                "body_base64": base64.b64encode(body).decode() if body is not None else None,
            },
            "status": r.status_code,
            "headers": {k: r.headers.get(k) for k in
                        ("Location", "Set-Cookie", "WWW-Authenticate", "Content-Range", "ETag", "Content-Type")
                        if r.headers.get(k) is not None},
        }
        if ct.startswith("application/json") and name != "stream-2":
            entry["json"] = json.loads(data)
        else:
            entry["text"] = data.decode("utf-8", "replace")
        out.append(entry)
    json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    record()
