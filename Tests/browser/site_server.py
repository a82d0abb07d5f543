"""The built site on loopback, with the client-secret endpoint a generated
server would answer, under the test's control, and a checkout route that
records what the form posts."""
import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

CLIENT_SECRET = "pi_standin_secret_browser42"


class SiteServer:
    def __init__(self, dist, client_secret_path="/secret"):
        self.secret_requests = 0
        self.secret_paths = []
        self.checkout_posts = []
        # "ok", "error" (the server's JSON error) or "drop" (no answer at all)
        self.secret_mode = "ok"
        site = self

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self):
                if self.path.split("?")[0] != client_secret_path:
                    return super().do_GET()
                site.secret_requests += 1
                site.secret_paths.append(self.path)
                if site.secret_mode == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if site.secret_mode == "error":
                    self.answer(502, {"error": {"message": "Alma is not available for this PaymentIntent"}})
                else:
                    self.answer(200, {"client_secret": CLIENT_SECRET})

            def do_POST(self):
                """The checkout form, posted when Stripe.js cannot take over."""
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                site.checkout_posts.append((self.path, parse_qs(body)))
                self.send_response(303)
                self.send_header("Location", "/")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def answer(self, status, payload):
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *arguments):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(dist)))
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self):
        self.secret_requests = 0
        self.secret_paths.clear()
        self.checkout_posts.clear()
        self.secret_mode = "ok"

    def close(self):
        self.server.shutdown()
        self.server.server_close()
