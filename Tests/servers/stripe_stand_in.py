"""A stand-in for Stripe's API on loopback: records every request and answers
POST /v1/payment_intents with a PaymentIntent, as Stripe would."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class StripeStandIn:
    def __init__(self):
        self.requests = []
        # What the next created PaymentIntent lists as payment methods.
        self.payment_method_types = ["alma"]
        # (status, raw body) to answer instead of a PaymentIntent: Stripe failing.
        self.failure = None
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                stand_in.requests.append(
                    {"method": "POST", "path": self.path, "headers": dict(self.headers), "form": parse_qs(body)}
                )
                if self.path != "/v1/payment_intents":
                    return self.answer(404, {"error": {"message": "unknown path", "type": "invalid_request_error"}})
                if stand_in.failure:
                    status, raw = stand_in.failure
                    return self.send_raw(status, raw)
                form = parse_qs(body)
                self.answer(200, {
                    "id": "pi_standin123",
                    "object": "payment_intent",
                    "amount": int(form["amount"][0]),
                    "currency": form["currency"][0],
                    "client_secret": "pi_standin123_secret_standin456",
                    "payment_method_types": stand_in.payment_method_types,
                    "status": "requires_payment_method",
                })

            def answer(self, status, payload):
                self.send_raw(status, json.dumps(payload).encode())

            def send_raw(self, status, data):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *arguments):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
