"""The Node and Ruby servers run for real, on Debian's Express, Sinatra and
Puma, with the official Stripe library replaced by a stand-in of its surface
(`library_stand_ins/`: npm and RubyGems cannot be reached here). What runs is
the generated code that serves the site and turns failures into answers:
the same URL catalogue as the Python server's, and a bug outside Stripe that
must give a JSON 500 and leave the server running."""
import json
import os
import pathlib
import time

import pytest

from almakit_testing import ServerProcess, free_port, http_request as request
from test_generated_servers import SECRET_KEY, WEBHOOK_SECRET, assert_serves_the_published_site_alone, build_site, plant_secrets

STAND_INS = pathlib.Path(__file__).resolve().parent / "library_stand_ins"

COMMANDS = {
    "node": lambda port: ["node", "server.js"],
    "ruby": lambda port: ["ruby", "-I", str(STAND_INS / "ruby"), "app.rb"],
    # The README's production command.
    "ruby-puma": lambda port: ["puma", "--environment", "production", "--bind", f"tcp://127.0.0.1:{port}", "config.ru"],
}


class Served(ServerProcess):
    def __init__(self, project, kind, environment=None):
        port = free_port()
        env = dict(os.environ, PORT=str(port), STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
                   NODE_PATH=f"{STAND_INS / 'node'}:/usr/share/nodejs", RUBYLIB=str(STAND_INS / "ruby"))
        env.update(environment or {})
        super().__init__(COMMANDS[kind](port), project / "server" / kind.split("-")[0], port, env)


@pytest.mark.parametrize("kind", sorted(COMMANDS))
def test_the_server_serves_the_published_site_alone(tmp_path, kind):
    project = build_site(tmp_path, "2026-10-28.endive")
    plant_secrets(project)
    server = Served(project, kind)
    try:
        assert_serves_the_published_site_alone(server.port, project)
        status, body = request(server.url("/secret"))
        assert status == 200 and json.loads(body) == {"client_secret": "pi_standin123_secret_standin456"}
    finally:
        server.stop()


@pytest.mark.parametrize("kind", sorted(COMMANDS))
@pytest.mark.parametrize("failure, status, code", [("crash", 500, "internal_error"), ("stripe-error", 502, "stripe_error")])
def test_a_failure_is_a_short_json_answer_and_the_server_lives_on(tmp_path, kind, failure, status, code):
    server = Served(build_site(tmp_path, "2026-10-28.endive"), kind, {"STAND_IN_CREATE": failure})
    try:
        answered, body = request(server.url("/secret"))
        assert (answered, json.loads(body)["error"]["code"]) == (status, code), body
        assert b"7f3a" not in body and b"bug outside" not in body, "the detail belongs in the log"
        # An unhandled rejection would have ended a Node process by now.
        time.sleep(0.3)
        assert server.process.poll() is None, server.logs()
        assert request(server.url("/fr/checkout.html"))[0] == 200
    finally:
        server.stop()
    assert "7f3a" in server.logs() or "bug outside" in server.logs()


@pytest.mark.parametrize("kind", sorted(COMMANDS))
@pytest.mark.parametrize("signature", [None, "garbage"])
def test_a_webhook_without_a_valid_signature_is_a_400(tmp_path, kind, signature):
    server = Served(build_site(tmp_path, "2026-10-28.endive"), kind)
    try:
        headers = {} if signature is None else {"Stripe-Signature": signature}
        status, body = request(server.url("/webhook"), b'{"id": "evt_1"}', headers)
    finally:
        server.stop()
    assert status == 400 and json.loads(body)["error"]["code"] == "invalid_signature"


@pytest.mark.parametrize("kind", sorted(COMMANDS))
def test_an_unknown_product_is_a_json_404_not_the_sites_page(tmp_path, kind):
    server = Served(build_site(tmp_path, "2026-10-28.endive"), kind)
    try:
        status, body = request(server.url("/secret?product=nothing-of-the-sort"))
        missing_file = request(server.url("/fr/no-such-page.html"))
    finally:
        server.stop()
    assert status == 404 and json.loads(body)["error"]["code"] == "unknown_product", body
    # The site's own 404 page still answers a missing file.
    assert missing_file[0] == 404 and b"<html" in missing_file[1].lower()
