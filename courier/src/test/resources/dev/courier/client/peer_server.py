"""A loopback HTTP/1.1 peer for Courier's client tests, on Python's http.server only.

Prints "PORT <n>" on stdout once listening; exits when stdin closes (the test ended).
"""
import base64
import gzip
import json
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        # Without this, Nagle holds the body behind the head until the client's delayed ACK.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length", "0") or 0)
        return self.rfile.read(n) if n else b""

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if self.command != "HEAD" or True:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        url = urlsplit(self.path)
        path = url.path
        query = parse_qsl(url.query, keep_blank_values=True)
        q = dict(query)
        body = self.read_body()
        if path == "/echo":
            doc = {
                "method": self.command,
                "path": path,
                "query": [[k, v] for k, v in query],
                "rawQuery": url.query,
                "headers": [[k, v] for k, v in self.headers.items()],
                "body": body.decode("latin-1"),
            }
            self.send(200, json.dumps(doc).encode(), [("Content-Type", "application/json")])
        elif path.startswith("/redirect/"):
            n = int(path.split("/")[2])
            target = "/echo" if n <= 1 else "/redirect/%d" % (n - 1)
            self.send(302, b"", [("Location", target)])
        elif path == "/redirect-to":
            self.send(int(q.get("status", "302")), b"moved", [("Location", q["url"])])
        elif path == "/cookies/set":
            hdrs = [("Set-Cookie", "%s=%s; Path=/" % (k, v)) for k, v in query]
            self.send(302, b"", hdrs + [("Location", "/echo")])
        elif path == "/gzip":
            data = gzip.compress(b"hello gzip " * 100)
            self.send(200, data, [("Content-Encoding", "gzip"), ("Content-Type", "text/plain")])
        elif path == "/deflate":
            data = zlib.compress(b"hello deflate " * 100)
            self.send(200, data, [("Content-Encoding", "deflate"), ("Content-Type", "text/plain")])
        elif path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            for part in [b"line one\n", "line two \xe2\x82\xac\n".encode("latin-1"), b"line three\n"]:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        elif path == "/stall":
            time.sleep(float(q.get("seconds", "5")))
            try:
                self.send(200, b"late")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/drip":
            # Sends a byte every `every` seconds: never silent longer than that.
            n = int(q.get("n", "5"))
            self.send_response(200)
            self.send_header("Content-Length", str(n))
            self.end_headers()
            try:
                for _ in range(n):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(float(q.get("every", "0.1")))
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as the deadline test wants
        elif path.startswith("/status/"):
            self.send(int(path.split("/")[2]), b"status body")
        elif path == "/links":
            self.send(200, b"", [("Link", '</page/2>; rel="next", </page/9>; rel="last"')])
        else:
            self.send(404, b"not found")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = handle_any


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("PORT %d" % server.server_address[1], flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
