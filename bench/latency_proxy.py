#!/usr/bin/env python3
"""An HTTP proxy that answers every request after a fixed delay, to make an emulated AWS account
(moto) as slow as AWS itself: a request costs tens of milliseconds there, almost nothing in moto.

    latency_proxy.py LISTEN_PORT UPSTREAM_URL [LATENCY_MS]

Forwards method, path, headers and body unchanged (moto does not check signatures), serves many
requests at once, and prints one line when it listens."""
import http.client
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade"}


def handler(upstream, latency):
    class Delayed(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            time.sleep(latency)
            connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=120)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                connection.request(self.command, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                payload = answer.read()
                self.send_response(answer.status, answer.reason)
                for key, value in answer.getheaders():
                    if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)
            finally:
                connection.close()

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = forward

        def log_message(self, *args):
            pass

    return Delayed


def main():
    port = int(sys.argv[1])
    upstream = urllib.parse.urlparse(sys.argv[2])
    latency = (float(sys.argv[3]) if len(sys.argv) > 3 else 50.0) / 1000.0
    server = ThreadingHTTPServer(("127.0.0.1", port), handler(upstream, latency))
    server.daemon_threads = True
    print(f"latency proxy on {port} -> {upstream.geturl()} (+{latency * 1000:.0f} ms)", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
