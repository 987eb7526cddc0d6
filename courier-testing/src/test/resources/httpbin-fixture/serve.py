"""Serve httpbin's Flask app on 127.0.0.1 and a free port; print the port, then serve until killed.

Used by HttpBinLiveComparisonTest with Debian's python3-httpbin: /usr/bin/python3 serve.py
"""
from wsgiref.simple_server import WSGIRequestHandler, make_server

from httpbin import app


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
print(server.server_port, flush=True)
server.serve_forever()
