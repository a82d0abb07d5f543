"""The generated Python server and cURL script, run for real against a
stand-in of Stripe's API, with the official stripe library at the version
the generated requirements.txt asks for."""
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from almakit_testing import REPOSITORY, build, example_project, free_port, http_request as request
from stripe_stand_in import StripeStandIn

# Assembled here so that no key-shaped string sits in the repository.
SECRET_KEY = "sk_test_" + "standin" * 4
WEBHOOK_SECRET = "whsec_" + "standin" * 4
VERSIONS = {
    "2025-03-31.basil": "payment_method_types",
    "2026-10-28.endive": "allowed_payment_method_types",
}


def build_site(tmp_path, api_version):
    return build(example_project(tmp_path / "project", api_version), tmp_path / "dist")


def server_python(dist):
    """A Python with the generated server's own requirements installed: one
    virtual environment per requirements file, kept under .build/ between runs."""
    requirements = (dist / "server" / "python" / "requirements.txt").read_text()
    digest = hashlib.sha256(requirements.encode()).hexdigest()[:12]
    venv = REPOSITORY / ".build" / f"server-python-{digest}"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", str(dist / "server" / "python" / "requirements.txt")], check=True)
    return python


class RunningServer:
    def __init__(self, dist, stand_in, environment=None):
        self.port = free_port()
        env = dict(os.environ, PORT=str(self.port), STRIPE_SECRET_KEY=SECRET_KEY,
                   STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET, STRIPE_API_BASE=stand_in.base)
        env.update(environment or {})
        self.process = subprocess.Popen(
            [str(server_python(dist)), str(dist / "server" / "python" / "app.py")],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(self.process.stderr.read().decode())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the server did not start")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def stand_in():
    server = StripeStandIn()
    yield server
    server.close()


def restriction_values(form, parameter):
    """stripe-python sends lists as name[0]=..., cURL as name[]=..."""
    return [value for key, values in form.items() if key.split("[")[0] == parameter and "[" in key for value in values]


@pytest.mark.parametrize("api_version", VERSIONS)
def test_client_secret_endpoint_creates_an_alma_payment_intent(tmp_path, stand_in, api_version):
    server = RunningServer(build_site(tmp_path, api_version), stand_in)
    try:
        status, body = request(server.url("/secret"))
        assert status == 200, body
        assert json.loads(body) == {"client_secret": "pi_standin123_secret_standin456"}
        status, page = request(server.url("/fr/checkout.html"))
        assert status == 200 and b"client.js" in page
    finally:
        server.stop()
    logs = server.process.stdout.read().decode() + server.process.stderr.read().decode()
    assert "pi_standin123_secret_standin456" not in logs, "the server must not log a client secret"
    assert SECRET_KEY not in logs

    created = [r for r in stand_in.requests if r["path"] == "/v1/payment_intents"]
    assert len(created) == 1
    sent = created[0]
    headers = {key.lower(): value for key, value in sent["headers"].items()}
    assert headers["authorization"] == f"Bearer {SECRET_KEY}"
    assert headers["stripe-version"] == api_version
    assert headers["idempotency-key"]
    assert sent["form"]["amount"] == ["5099"]
    assert sent["form"]["currency"] == ["eur"]
    expected, other = VERSIONS[api_version], ({*VERSIONS.values()} - {VERSIONS[api_version]}).pop()
    assert restriction_values(sent["form"], expected) == ["alma"]
    assert restriction_values(sent["form"], other) == []


def test_each_request_gets_its_own_idempotency_key(tmp_path, stand_in):
    server = RunningServer(build_site(tmp_path, "2026-10-28.endive"), stand_in)
    try:
        for _ in range(2):
            assert request(server.url("/secret"))[0] == 200
    finally:
        server.stop()
    keys = {r["headers"].get("Idempotency-Key") for r in stand_in.requests}
    assert len(keys) == 2


def test_payment_intent_without_alma_is_a_502_with_a_clear_message(tmp_path, stand_in):
    stand_in.payment_method_types = ["card"]
    server = RunningServer(build_site(tmp_path, "2026-10-28.endive"), stand_in)
    try:
        status, body = request(server.url("/secret"))
    finally:
        server.stop()
    assert status == 502
    assert "Alma is not available" in json.loads(body)["error"]["message"]


def sign(payload, secret, timestamp=None):
    timestamp = timestamp or int(time.time())
    signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


def test_webhook_accepts_signed_events_and_refuses_the_rest(tmp_path, stand_in):
    server = RunningServer(build_site(tmp_path, "2026-10-28.endive"), stand_in)
    event = json.dumps({
        "id": "evt_1", "object": "event", "type": "payment_intent.succeeded",
        "data": {"object": {"id": "pi_standin123", "object": "payment_intent"}},
    }).encode()
    try:
        status, _ = request(server.url("/webhook"), event, {"Stripe-Signature": sign(event, WEBHOOK_SECRET)})
        assert status == 200
        tampered = event.replace(b"pi_standin123", b"pi_other")
        assert request(server.url("/webhook"), tampered, {"Stripe-Signature": sign(event, WEBHOOK_SECRET)})[0] == 400
        assert request(server.url("/webhook"), event, {"Stripe-Signature": sign(event, "whsec_wrong")})[0] == 400
        assert request(server.url("/webhook"), event)[0] == 400
    finally:
        server.stop()
    logs = server.process.stderr.read().decode()
    assert WEBHOOK_SECRET not in logs and SECRET_KEY not in logs


@pytest.mark.parametrize("key", ["", "pk_test_notasecret"])
def test_server_refuses_to_start_without_a_secret_key(tmp_path, stand_in, key):
    dist = build_site(tmp_path, "2026-10-28.endive")
    env = dict(os.environ, STRIPE_SECRET_KEY=key, STRIPE_API_BASE=stand_in.base, PORT=str(free_port()))
    finished = subprocess.run([str(server_python(dist)), str(dist / "server" / "python" / "app.py")],
                              env=env, capture_output=True, timeout=30)
    assert finished.returncode != 0
    assert b"STRIPE_SECRET_KEY must hold your secret key" in finished.stderr


@pytest.mark.parametrize("api_version", VERSIONS)
def test_curl_script_creates_the_payment_intent(tmp_path, stand_in, api_version):
    script = build_site(tmp_path, api_version) / "server" / "curl" / "create-payment-intent.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    env = dict(os.environ, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_API_BASE=stand_in.base)
    finished = subprocess.run(["bash", str(script)], env=env, capture_output=True, timeout=30)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.decode().strip() == "pi_standin123_secret_standin456"
    sent = stand_in.requests[0]
    assert sent["headers"]["Stripe-Version"] == api_version
    assert sent["headers"]["Idempotency-Key"]
    assert sent["form"]["amount"] == ["5099"]
    assert restriction_values(sent["form"], VERSIONS[api_version]) == ["alma"]


def test_curl_script_fails_when_alma_is_left_out(tmp_path, stand_in):
    stand_in.payment_method_types = ["card"]
    script = build_site(tmp_path, "2026-10-28.endive") / "server" / "curl" / "create-payment-intent.sh"
    env = dict(os.environ, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_API_BASE=stand_in.base)
    finished = subprocess.run(["bash", str(script)], env=env, capture_output=True, timeout=30)
    assert finished.returncode == 1
    assert b"Alma is not available" in finished.stderr
