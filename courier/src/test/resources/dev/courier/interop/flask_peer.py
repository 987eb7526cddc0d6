# A Flask app for Courier's interop tests. It binds 127.0.0.1 on an ephemeral port, prints
# "PORT <n>" and serves until its stdin closes (the test ends it that way).
#   POST /upload          reports the fields and files Werkzeug decoded, each file hashed
#   GET  /cookies/set     sets cookies with every attribute Flask offers
#   GET  /<any>/echo      returns the Cookie header as received and Werkzeug's parse of it
#   GET  /whoami          reads the signed session cookie set by /cookies/set
import hashlib
import os
import sys
import threading
import time

from flask import Flask, jsonify, make_response, request, session
from werkzeug.serving import WSGIRequestHandler, make_server

app = Flask("courier-interop")
app.secret_key = "courier-interop-" + "k" * 16


@app.post("/upload")
def upload():
    fields = [[name, value] for name, value in request.form.items(multi=True)]
    files = []
    for name, storage in request.files.items(multi=True):
        digest = hashlib.sha256()
        size = 0
        while True:
            chunk = storage.stream.read(1 << 20)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
        files.append({"name": name, "filename": storage.filename, "contentType": storage.content_type,
                      "size": size, "sha256": digest.hexdigest()})
    return jsonify(fields=fields, files=files, contentType=request.headers.get("Content-Type"),
                   contentLength=request.headers.get("Content-Length"),
                   transferEncoding=request.headers.get("Transfer-Encoding"))


def set_cookie(r, raw, name, value, **attributes):
    """Sets a cookie with Flask's API; an older Werkzeug that refuses Domain=localhost or lacks
    partitioned= gets the header as a current Werkzeug renders it (raw), so every run sends the same."""
    try:
        r.set_cookie(name, value, **attributes)
    except (TypeError, ValueError):
        r.headers.add("Set-Cookie", raw)


@app.get("/cookies/set")
def set_cookies():
    host = request.host.rsplit(":", 1)[0]
    now = time.time()
    r = make_response("set")
    r.set_cookie("plain", "p1")
    r.set_cookie("aged", "a1", max_age=3600)
    r.set_cookie("dated", "d1", expires=now + 7200)
    # Max-Age wins over Expires (RFC 6265 section 5.3 step 3): this one lives for a minute.
    r.set_cookie("both", "b1", max_age=60, expires=now - 3600)
    r.set_cookie("scoped", "s1", path="/app")
    r.set_cookie("strict", "x1", httponly=True, samesite="Strict")
    r.set_cookie("lax", "l1", samesite="Lax")
    r.set_cookie("secured", "z1", secure=True, samesite="None")
    set_cookie(r, "domained=m1; Domain=%s; Path=/" % host, "domained", "m1", domain=host)
    set_cookie(r, "chips=c1; Secure; Path=/; SameSite=None; Partitioned", "chips", "c1", secure=True,
               samesite="None", partitioned=True)
    r.set_cookie("__Host-id", "h1", secure=True, path="/")
    # Two that a browser refuses and Flask still sends: a __Host- cookie with Domain, and a
    # cookie for a domain the request host is not in (RFC 6265bis section 4.1.3, RFC 6265 5.3 step 6).
    set_cookie(r, "__Host-bad=hb; Domain=%s; Secure; Path=/" % host, "__Host-bad", "hb", secure=True, path="/",
               domain=host)
    r.set_cookie("foreign", "f1", domain="example.com")
    r.set_cookie("old", "o1", expires=now - 3600)
    r.set_cookie("quoted", "hello world; x")
    r.delete_cookie("gone")
    session["user"] = "ada"
    return r


@app.get("/<path:prefix>/echo")
def echo(prefix):
    return jsonify(cookie=request.headers.get("Cookie"), cookies=request.cookies.to_dict(), path=request.path)


@app.get("/whoami")
def whoami():
    return jsonify(user=session.get("user"))


def main():
    WSGIRequestHandler.protocol_version = "HTTP/1.1"  # keep-alive, as Courier's client expects
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print("PORT %d" % server.server_port, flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # returns when the test closes our stdin
    os._exit(0)


if __name__ == "__main__":
    main()
