"""The generated Python server and cURL script, run for real against a
stand-in of Stripe's API, with the official stripe library at the version
the generated requirements.txt asks for."""
import hashlib
import http.client
import hmac
import json
import os
import subprocess
import sys
import time

import pytest

from almakit_testing import REPOSITORY, ServerProcess, build, example_project, free_port, http_request as request
from stripe_stand_in import StripeStandIn

# Assembled here so that no key-shaped string sits in the repository.
SECRET_KEY = "sk_test_" + "standin" * 4
WEBHOOK_SECRET = "whsec_" + "standin" * 4
VERSIONS = {
    "2025-03-31.basil": "payment_method_types",
    "2026-10-28.endive": "allowed_payment_method_types",
}


def build_site(tmp_path, api_version):
    """The example built as a merchant builds it: the published site in
    project/dist, the servers beside it in project/server. Returns the project."""
    project = example_project(tmp_path / "project", api_version)
    build(project, project / "dist")
    return project


def server_python(project):
    """A Python with the generated server's own requirements installed: one
    virtual environment per requirements file, kept under .build/ between runs."""
    requirements = (project / "server" / "python" / "requirements.txt").read_text()
    digest = hashlib.sha256(requirements.encode()).hexdigest()[:12]
    venv = REPOSITORY / ".build" / f"server-python-{digest}"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", str(project / "server" / "python" / "requirements.txt")], check=True)
    return python


class RunningServer(ServerProcess):
    """The generated Python server, run with `python app.py` from its folder,
    or as production runs it: gunicorn, as its README says."""
    def __init__(self, project, stand_in, environment=None, production=False, port=None):
        port = port or free_port()
        env = dict(os.environ, PORT=str(port), STRIPE_SECRET_KEY=SECRET_KEY,
                   STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET, STRIPE_API_BASE=stand_in.base)
        env.update(environment or {})
        python = server_python(project)
        command = ([str(python.parent / "gunicorn"), "--bind", f"127.0.0.1:{port}", "app:app"] if production
                   else [str(python), "app.py"])
        super().__init__(command, project / "server" / "python", port, env)


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
        assert status == 200 and b"assets/hashed/client." in page
    finally:
        server.stop()
    logs = server.logs()
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
    assert json.loads(body)["error"]["code"] == "alma_unavailable"
    assert "Alma is not available" in json.loads(body)["error"]["message"]
    assert "2,000 EUR" not in body.decode(), "the merchant's detail goes to the log, not the browser"
    assert "2,000 EUR" in server.logs()


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
    logs = server.logs()
    assert WEBHOOK_SECRET not in logs and SECRET_KEY not in logs


@pytest.mark.parametrize("key", ["", "pk_test_notasecret"])
def test_server_refuses_to_start_without_a_secret_key(tmp_path, stand_in, key):
    project = build_site(tmp_path, "2026-10-28.endive")
    env = dict(os.environ, STRIPE_SECRET_KEY=key, STRIPE_API_BASE=stand_in.base, PORT=str(free_port()))
    finished = subprocess.run([str(server_python(project)), str(project / "server" / "python" / "app.py")],
                              env=env, capture_output=True, timeout=30)
    assert finished.returncode != 0
    assert b"STRIPE_SECRET_KEY must hold your secret key" in finished.stderr


@pytest.mark.parametrize("api_version", VERSIONS)
def test_curl_script_creates_the_payment_intent(tmp_path, stand_in, api_version):
    script = build_site(tmp_path, api_version) / "server" / "curl" / "create-payment-intent.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    env = dict(os.environ, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_API_BASE=stand_in.base)
    # Run as its README says: ./create-payment-intent.sh, so it must be executable.
    finished = subprocess.run(["./create-payment-intent.sh"], cwd=script.parent, env=env, capture_output=True, timeout=30)
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


def raw_get(port, target):
    """(status, headers, body) for a request line sent exactly as written:
    no client tidies `..` or `%2e` away before the server sees them."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", target, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def addresses_of(relative):
    """Every URL that could reach a file at `relative` from some folder: as
    is, from the site's root, escaping it with `..` (plain, encoded, doubled
    slashes), and through a language folder."""
    escapes = ["/{}", "/../{}", "/fr/../../{}", "/%2e%2e/{}", "/%2E%2E%2F{}", "/..%2f{}", "//{}", "/./{}",
               "/fr/%2e%2e/%2e%2e/{}", "/..\\{}"]
    return [escape.format(relative) for escape in escapes]


def plant_secrets(project):
    """Where people keep secrets: beside the server, and by mistake in the site."""
    dist = project / "dist"
    for folder in (project / "server").iterdir():
        if folder.is_dir():
            (folder / ".env").write_text("STRIPE_SECRET_KEY=" + SECRET_KEY)
    (dist / ".env").write_text("STRIPE_SECRET_KEY=" + SECRET_KEY)
    (dist / "fr" / ".hidden").write_text("private")
    (dist / ".git").mkdir()
    (dist / ".git" / "config").write_text("[core]")


def assert_serves_the_published_site_alone(port, project):
    """Requests every file of the project by every URL that could reach it:
    only the site's own files answer 200, each at its address with its bytes;
    anything else is the site's 404.html (or a redirect to a folder's slash)."""
    dist = project / "dist"
    site_files = {path.relative_to(dist).as_posix(): path.read_bytes() for path in dist.rglob("*")
                  if path.is_file() and not any(part.startswith(".") for part in path.relative_to(dist).parts)}
    not_found_page = (dist / "404.html").read_bytes()
    every_file = [path for path in project.rglob("*") if path.is_file() and not {".venv", "vendor"} & set(path.parts)]
    served = {}
    for path in every_file:
        for relative in {path.relative_to(project).as_posix(), path.relative_to(path.parents[1]).as_posix(), path.name}:
            for target in addresses_of(relative):
                status, _, body = raw_get(port, target)
                served[target] = status
                if status == 200:
                    assert body in site_files.values(), f"{target} served something that is not a site file"
                    assert SECRET_KEY.encode() not in body
                else:
                    assert status in (301, 404), (target, status)
                    if status == 404:
                        assert body == not_found_page, f"{target}: not the site's own 404.html"
    for relative, contents in site_files.items():
        status, _, body = raw_get(port, "/" + relative)
        assert (status, body) == (200, contents), relative
    # Folders answer with their index; a folder without its slash is sent to it.
    assert raw_get(port, "/")[2] == site_files["index.html"]
    assert raw_get(port, "/fr/")[2] == site_files["fr/index.html"]
    status, headers, _ = raw_get(port, "/fr")
    assert status == 301 and headers["Location"].endswith("/fr/")
    for target in ["/server/python/app.py", "/python/.env", "/.env", "/fr/.hidden", "/.git/config",
                   "/.almakit-output", "/../server/python/.env", "/%2e%2e/server/python/app.py"]:
        assert target in served and served[target] == 404, target


def test_the_web_root_is_the_published_site_alone(tmp_path, stand_in):
    project = build_site(tmp_path, "2026-10-28.endive")
    plant_secrets(project)
    server = RunningServer(project, stand_in)
    try:
        assert_serves_the_published_site_alone(server.port, project)
    finally:
        server.stop()


def test_the_php_router_serves_the_published_site_alone(tmp_path):
    """The PHP router under `php -S`, as `composer start` runs it. Serving the
    site needs nothing of stripe-php, which cannot be installed here: an empty
    autoloader stands in for Composer's."""
    project = build_site(tmp_path, "2026-10-28.endive")
    plant_secrets(project)
    folder = project / "server" / "php"
    (folder / "vendor").mkdir()
    (folder / "vendor" / "autoload.php").write_text("<?php\n")
    port = free_port()
    # composer.json's start script, word for word but for the port.
    start = json.loads((folder / "composer.json").read_text())["scripts"]["start"][-1]
    assert start == "@php -S ${HOST:-127.0.0.1}:${PORT:-4242} router.php"
    server = ServerProcess(["php", "-S", f"127.0.0.1:{port}", "router.php"], folder, port, dict(os.environ))
    try:
        assert_serves_the_published_site_alone(port, project)
        # Without a key, the endpoint says so in the log, and the browser gets a stable code.
        status, body = request(server.url("/secret"))
        assert status == 500 and json.loads(body)["error"]["code"] == "internal_error"
    finally:
        server.stop()


def test_the_production_server_runs_the_same_application(tmp_path, stand_in):
    """The README's production command: gunicorn, not Flask's development server."""
    project = build_site(tmp_path, "2026-10-28.endive")
    server = RunningServer(project, stand_in, production=True)
    try:
        status, body = request(server.url("/secret"))
        assert status == 200 and json.loads(body) == {"client_secret": "pi_standin123_secret_standin456"}
        assert request(server.url("/fr/checkout.html"))[0] == 200
        status, body = request(server.url("/server/python/app.py"))
        assert status == 404 and body == (project / "dist" / "404.html").read_bytes()
    finally:
        server.stop()
    logs = server.logs()
    assert "gunicorn" in logs.lower() and "development server" not in logs


def closed_port_base():
    return f"http://127.0.0.1:{free_port()}"


@pytest.mark.parametrize("failure", ["no network", "stripe 500", "malformed json"])
def test_stripe_failures_reach_the_browser_as_a_short_stable_error(tmp_path, stand_in, failure):
    environment = {}
    if failure == "no network":
        environment["STRIPE_API_BASE"] = closed_port_base()
    elif failure == "stripe 500":
        stand_in.failure = (500, json.dumps({"error": {"type": "api_error", "message": "Internal detail 7f3a"}}).encode())
    else:
        stand_in.failure = (200, b"<html>not json</html>")
    server = RunningServer(build_site(tmp_path, "2026-10-28.endive"), stand_in, environment)
    try:
        status, body = request(server.url("/secret"))
        # The server is still there for the next customer.
        assert request(server.url("/fr/checkout.html"))[0] == 200
    finally:
        server.stop()
    assert status == 502
    error = json.loads(body)["error"]
    assert error["code"] == "stripe_error"
    assert error["message"] == "The payment could not be prepared. Please try again."
    logs = server.logs()
    assert "Stripe could not create the PaymentIntent" in logs, "the detail belongs in the server's log"
    assert SECRET_KEY not in logs


@pytest.mark.parametrize("signature", [None, "", "garbage", "t=abc,v1=", "t=1", "v1=" + "0" * 64, "t=,v1=,v0="])
def test_webhook_refuses_missing_or_garbled_signatures_with_400(tmp_path, stand_in, signature):
    server = RunningServer(build_site(tmp_path, "2026-10-28.endive"), stand_in)
    event = b'{"id": "evt_1", "type": "payment_intent.succeeded", "data": {"object": {"id": "pi_1"}}}'
    headers = {} if signature is None else {"Stripe-Signature": signature}
    try:
        status, body = request(server.url("/webhook"), event, headers)
        assert request(server.url("/"))[0] == 200
    finally:
        server.stop()
    assert status == 400
    assert json.loads(body)["error"]["code"] == "invalid_signature"
