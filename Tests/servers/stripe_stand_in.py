"""A stand-in for Stripe's API on loopback: records every request and answers
as Stripe would: creating a PaymentIntent (confirmed at once with
`confirm=true`), confirming, retrieving one; and it serves the page of Alma
the customer is sent to, whose buttons come back to the return address."""
import html
import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

FIRST_ID = 123


class StripeStandIn:
    def __init__(self):
        self.requests = []
        # What the next created PaymentIntent lists as payment methods.
        self.payment_method_types = ["alma"]
        # (status, raw body) to answer instead of a PaymentIntent: Stripe failing.
        self.failure = None
        # False: a confirmation leaves no next action (as if Alma needed none).
        self.redirects = True
        # id -> PaymentIntent; a test may change a status before it is retrieved.
        self.intents = {}
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.record("GET", {})
                path = urlsplit(self.path).path
                if path.startswith("/alma/redirect/"):
                    return self.alma_page(path.split("/")[3:])
                if stand_in.failure and path.startswith("/v1/"):
                    return self.send_raw(*stand_in.failure)
                parts = path.split("/")
                if len(parts) == 4 and path.startswith("/v1/payment_intents/"):
                    return self.intent_or_404(parts[3], lambda intent: self.answer(200, intent))
                self.answer(404, error("unknown path"))

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                form = parse_qs(body)
                self.record("POST", form)
                if stand_in.failure:
                    return self.send_raw(*stand_in.failure)
                parts = self.path.split("/")
                if self.path == "/v1/payment_intents":
                    return self.create(form)
                if len(parts) == 5 and self.path.startswith("/v1/payment_intents/") and parts[4] == "confirm":
                    return self.intent_or_404(parts[3], lambda intent: self.confirm(intent, form))
                self.answer(404, error("unknown path"))

            def record(self, method, form):
                stand_in.requests.append({"method": method, "path": self.path, "headers": dict(self.headers), "form": form})

            def create(self, form):
                if form.get("confirm") == ["true"] and not absolute(form.get("return_url", [""])[0]):
                    return self.answer(400, return_url_error())
                number = FIRST_ID + len(stand_in.intents)
                intent_id = f"pi_standin{number}"
                intent = {
                    "id": intent_id,
                    "object": "payment_intent",
                    "amount": int(form["amount"][0]),
                    "currency": form["currency"][0],
                    "client_secret": f"{intent_id}_secret_standin456",
                    "metadata": {key[len("metadata["):-1]: values[0] for key, values in form.items() if key.startswith("metadata[")},
                    "payment_method_types": stand_in.payment_method_types,
                    "status": "requires_payment_method",
                    "next_action": None,
                }
                stand_in.intents[intent_id] = intent
                if form.get("confirm") == ["true"]:
                    return self.confirm(intent, form)
                self.answer(200, intent)

            def confirm(self, intent, form):
                """Alma is a redirect: Stripe answers with where to send the customer."""
                return_url = form.get("return_url", [""])[0]
                if not absolute(return_url):
                    return self.answer(400, return_url_error())
                intent["status"] = "requires_action"
                intent["return_url"] = return_url
                if stand_in.redirects:
                    intent["next_action"] = {"type": "redirect_to_url", "redirect_to_url": {
                        "url": f"{stand_in.alma_base}/alma/redirect/{intent['id']}", "return_url": return_url}}
                self.answer(200, intent)

            def alma_page(self, rest):
                """Alma's page: a link per outcome, back to the return address
                with the query Stripe adds (and the outcome's status set)."""
                intent = stand_in.intents.get(rest[0]) if rest else None
                if intent is None or "return_url" not in intent:
                    return self.send_raw(404, b"no such payment", "text/plain")
                if rest[1:] in (["succeeded"], ["requires_payment_method"]):
                    intent["status"] = rest[1]
                    status = "succeeded" if rest[1] == "succeeded" else "failed"
                    query = urlencode({"payment_intent": intent["id"], "payment_intent_client_secret": intent["client_secret"],
                                       "redirect_status": status})
                    separator = "&" if "?" in intent["return_url"] else "?"
                    self.send_response(302)
                    self.send_header("Location", intent["return_url"] + separator + query)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                page = (f"<!doctype html><html lang=en><title>Alma (stand-in)</title><h1>Alma</h1>"
                        f"<p id=amount>{intent['amount']}</p>"
                        f"<a id=pay href=/alma/redirect/{html.escape(intent['id'])}/succeeded>Pay</a> "
                        f"<a id=refuse href=/alma/redirect/{html.escape(intent['id'])}/requires_payment_method>Refuse</a>")
                self.send_raw(200, page.encode(), "text/html; charset=utf-8")

            def intent_or_404(self, intent_id, then):
                intent = stand_in.intents.get(intent_id)
                if intent is None:
                    return self.answer(404, error(f"No such payment_intent: '{intent_id}'", code="resource_missing"))
                then(intent)

            def answer(self, status, payload):
                self.send_raw(status, json.dumps(payload).encode())

            def send_raw(self, status, data, content_type="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *arguments):
                pass

        self.handler = Handler
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        # Where next_action sends the customer: Alma's page.
        self.alma_base = self.base
        self.alma_server = None
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def serve_alma_over_https(self, certificate, key):
        """Alma's page over HTTPS, as the real one is: the checkout's policy
        lets its form's redirects go to https addresses only."""
        self.alma_server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(certificate), str(key))
        self.alma_server.socket = context.wrap_socket(self.alma_server.socket, server_side=True)
        self.alma_base = f"https://127.0.0.1:{self.alma_server.server_address[1]}"
        threading.Thread(target=self.alma_server.serve_forever, daemon=True).start()

    def created(self):
        """What each PaymentIntent creation sent."""
        return [r for r in self.requests if r["method"] == "POST" and r["path"] == "/v1/payment_intents"]

    def close(self):
        for server in filter(None, [self.server, self.alma_server]):
            server.shutdown()
            server.server_close()


def absolute(url):
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def error(message, code=None):
    return {"error": {"message": message, "type": "invalid_request_error", **({"code": code} if code else {})}}


def return_url_error():
    # Stripe refuses to confirm a redirect-based payment method without one.
    return error("return_url: an absolute URL is required to confirm this PaymentIntent", code="url_invalid")
