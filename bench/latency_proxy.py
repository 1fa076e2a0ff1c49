#!/usr/bin/env python3
"""An HTTP proxy that answers every request after a fixed delay, to make an emulated AWS account
(moto) as slow as AWS itself: a request costs tens of milliseconds there, almost nothing in moto.

    latency_proxy.py LISTEN_PORT UPSTREAM_URL [LATENCY_MS [LOG_FILE]]

Forwards method, path, headers and body unchanged (moto does not check signatures), serves many
requests at once, and prints one line when it listens.

With LOG_FILE it appends one line per request, tab-separated, once the answer is sent: arrival
and end (epoch seconds), the seconds the upstream took, status, method, path, operation (the
Action of a form-encoded query API such as EC2, or X-Amz-Target) and the first 300 characters of
the body. Counting a piece of work's requests is then counting the lines it added."""
import http.client
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade"}


def handler(upstream, latency, log):
    lock = threading.Lock()

    def record(arrival, upstream_seconds, status, method, path, headers, body):
        text = (body or b"").decode("utf-8", "replace")
        operation = headers.get("X-Amz-Target") or ""
        if not operation and "x-www-form-urlencoded" in (headers.get("Content-Type") or ""):
            operation = urllib.parse.parse_qs(text).get("Action", [""])[0]
        line = "\t".join([f"{arrival:.6f}", f"{time.time():.6f}", f"{upstream_seconds:.6f}", str(status),
                          method, path, operation, text[:300].replace("\t", " ").replace("\n", " ")])
        with lock:
            log.write(line + "\n")
            log.flush()

    class Delayed(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The status line and headers go out in one write, the body in another: with Nagle's
        # algorithm the body would wait for the client's delayed ACK, 40 ms more per request.
        disable_nagle_algorithm = True

        def forward(self):
            arrival = time.time()
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            time.sleep(latency)
            connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=120)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                asked = time.time()
                connection.request(self.command, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                payload = answer.read()
                upstream_seconds = time.time() - asked
                self.send_response(answer.status, answer.reason)
                for key, value in answer.getheaders():
                    if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)
                if log:
                    record(arrival, upstream_seconds, answer.status, self.command, self.path, self.headers, body)
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
    log = open(sys.argv[4], "a", encoding="utf-8") if len(sys.argv) > 4 else None
    server = ThreadingHTTPServer(("127.0.0.1", port), handler(upstream, latency, log))
    server.daemon_threads = True
    print(f"latency proxy on {port} -> {upstream.geturl()} (+{latency * 1000:.0f} ms)", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
