"""A stand-in for Stripe.js, served over HTTPS under its real address.

Chromium is started with `--host-resolver-rules` mapping js.stripe.com to
this server and `--ignore-certificate-errors`, so the page loads
`https://js.stripe.com/<release>/stripe.js` untouched. The script it serves
records every call in `window.__stripeCalls` and behaves as the test says:
confirmPayment returns an error, hangs (the browser would be at Alma), or
comes back to the return URL as Alma would; retrievePaymentIntent answers
with a chosen status."""
import json
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCRIPT = r"""
(function () {
  'use strict';
  var behaviour = %(behaviour)s;
  var calls = window.__stripeCalls = {stripe: [], confirmPayment: [], retrievePaymentIntent: []};
  window.Stripe = function (key, options) {
    calls.stripe.push({key: key, options: options || null});
    return {
      confirmPayment: function (options) {
        calls.confirmPayment.push(JSON.parse(JSON.stringify(options)));
        return new Promise(function (resolve) {
          setTimeout(function () {
            if (behaviour.confirm === 'error') {
              resolve({error: {type: 'invalid_request_error', message: behaviour.errorMessage}});
            } else if (behaviour.confirm === 'redirect') {
              var back = new URL(options.confirmParams.return_url);
              back.searchParams.set('payment_intent', 'pi_standin');
              back.searchParams.set('payment_intent_client_secret', options.clientSecret);
              back.searchParams.set('redirect_status', 'succeeded');
              window.location.assign(back.href);
            }
            // 'hang': the real Stripe.js has sent the browser to Alma.
          }, behaviour.delayMs);
        });
      },
      retrievePaymentIntent: function (clientSecret) {
        calls.retrievePaymentIntent.push(clientSecret);
        return Promise.resolve({paymentIntent: {id: 'pi_standin', object: 'payment_intent', status: behaviour.status}});
      }
    };
  };
})();
"""


class StripeJSStandIn:
    def __init__(self, folder):
        self.requests = []
        self.available = True
        self.behaviour = {"confirm": "hang", "errorMessage": "", "status": "succeeded", "delayMs": 300}
        self.certificate, self.key = certificate, key = folder / "stand-in.crt", folder / "stand-in.key"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=js.stripe.com", "-keyout", str(key), "-out", str(certificate)],
                       check=True, capture_output=True)
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                stand_in.requests.append(self.path)
                if not stand_in.available or not self.path.endswith("/stripe.js"):
                    self.send_error(404)
                    return
                body = (SCRIPT % {"behaviour": json.dumps(stand_in.behaviour)}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/javascript")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *arguments):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(certificate), str(key))
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self):
        self.requests.clear()
        self.available = True
        self.behaviour.update(confirm="hang", errorMessage="", status="succeeded", delayMs=300)

    def close(self):
        self.server.shutdown()
        self.server.server_close()
