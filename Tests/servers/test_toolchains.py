"""Every generated server checked by its own language's toolchain, at the
example configuration for each supported API version and with a catalogue
of three products; and proof that the checks fail when a template is broken."""
import json
import os
import re
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest

from almakit_testing import REPOSITORY, build, example_project
from test_server_contract import catalogue_config

CHECKERS = pathlib.Path(__file__).resolve().parent / "checkers"
VERSIONS = ["2025-03-31.basil", "2026-10-28.endive"]
LANGUAGES = ["curl", "ruby", "python", "node", "php", "go", "java", "dotnet"]


def parse_json(path):
    json.loads(path.read_text())


def parse_xml(path):
    ElementTree.parse(path)


@pytest.fixture(scope="session")
def gotypes(tmp_path_factory):
    """The go/types checker, built once."""
    binary = tmp_path_factory.mktemp("gotypes") / "gotypes"
    subprocess.run(["go", "build", "-o", str(binary), str(CHECKERS / "gotypes" / "main.go")],
                   check=True, env={**os.environ, "GO111MODULE": "off"})
    return binary


def commands(language, gotypes):
    """Each check: a command run in the server's folder, or a Python parser of one file."""
    return {
        "curl": [["shellcheck", "--shell=bash", "create-payment-intent.sh"], ["bash", "-n", "create-payment-intent.sh"]],
        "ruby": [["ruby", "-c", "app.rb"], ["ruby", "-c", "config.ru"], ["ruby", "-c", "Gemfile"]],
        "python": [[sys.executable, "-c", "import ast, sys; ast.parse(open('app.py').read(), 'app.py')"]],
        "node": [["node", "--check", "server.js"], (parse_json, "package.json")],
        "php": [["php", "-l", "router.php"], (parse_json, "composer.json")],
        # gofmt -l names a file whose layout is not gofmt's: that fails too.
        "go": [["gofmt", "-l", "-e", "main.go"], [str(gotypes), "main.go"], ["go", "mod", "edit", "-json"]],
        "java": [["java", str(CHECKERS / "JavaParse.java"), "src/main/java/checkout/AlmaCheckoutServer.java"],
                 (parse_xml, "pom.xml")],
        "dotnet": [["mcs", "--parse", "Program.cs"], (parse_xml, "AlmaCheckoutServer.csproj")],
    }[language]


def problems(folder, language, gotypes):
    """What the toolchain says is wrong with a generated server; empty when all is well."""
    found = []
    for check in commands(language, gotypes):
        if isinstance(check, tuple):
            parse, name = check
            try:
                parse(folder / name)
            except Exception as error:  # any parse error is a finding
                found.append(f"{name}: {error}")
            continue
        finished = subprocess.run(check, cwd=folder, capture_output=True, text=True, timeout=120)
        output = (finished.stdout + finished.stderr).strip()
        if finished.returncode != 0 or (check[0] == "gofmt" and finished.stdout.strip()):
            found.append(f"{' '.join(check)}: exit {finished.returncode}\n{output}")
    return found


# Each API version with the example's one product, and a catalogue of several
# (whose list literals must close without a trailing comma in Java).
SITES = [(version, False) for version in VERSIONS] + [(VERSIONS[-1], True)]


@pytest.fixture(scope="module", params=SITES,
                ids=[version + ("-catalogue" if catalogue else "") for version, catalogue in SITES])
def site(request, tmp_path_factory):
    """The example project, built: the site in dist/, the servers in server/."""
    version, catalogue = request.param
    project = example_project(tmp_path_factory.mktemp(version) / "project", version)
    if catalogue:
        config = project / "almakit.yml"
        config.write_text(catalogue_config(config.read_text()))
    build(project, project / "dist")
    return project


@pytest.mark.parametrize("language", LANGUAGES)
def test_generated_server_passes_its_toolchain(site, language, gotypes):
    assert problems(site / "server" / language, language, gotypes) == []


def test_generated_servers_have_no_trailing_whitespace(site):
    """Indented partials must not leave blanks at line ends, which every linter flags."""
    offenders = [f"{path.relative_to(site)}:{number}"
                 for path in sorted((site / "server").rglob("*")) if path.is_file()
                 for number, line in enumerate(path.read_text().split("\n"), 1) if line != line.rstrip()]
    assert offenders == []


# One template broken per language, the way a slip of the keyboard would:
# (template, text in it, what replaces that text).
BREAKAGES = {
    "curl": ("server/curl/snippets/catalogue-amount.sh", "esac\n", "\n"),
    "ruby": ("server/ruby/snippets/create-payment-intent.rb", "  intent\nend\n", "  intent\n"),
    "python": ("server/python/snippets/create-payment-intent.py", "def create_alma_payment_intent(client, product_id, **confirmation):",
               "def create_alma_payment_intent(client, product_id, **confirmation)"),
    "node": ("server/node/snippets/create-payment-intent.js", "async function createAlmaPaymentIntent(client, productId) {",
             "async function createAlmaPaymentIntent(client, productId)"),
    "php": ("server/php/snippets/create-payment-intent.php", "): \\Stripe\\PaymentIntent\n{", "): \\Stripe\\PaymentIntent\n"),
    "go": ("server/go/snippets/client-secret-endpoint.go", "writeJSON(w, http.StatusOK,", "writeJSON(w, \"200\","),
    "java": ("server/java/snippets/create-payment-intent.java", "      .build();", "      .build()"),
    "dotnet": ("server/dotnet/snippets/create-payment-intent.cs", "IdempotencyKey = Guid.NewGuid().ToString() };",
               "IdempotencyKey = Guid.NewGuid().ToString() }"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_broken_template_fails_the_toolchain_check(tmp_path, language, gotypes):
    template, text, replacement = BREAKAGES[language]
    source = (REPOSITORY / "Templates" / template).read_text()
    assert text in source, f"{template} no longer contains {text!r}: update the breakage"
    project = example_project(tmp_path / "project")
    override = project / "Templates" / template
    override.parent.mkdir(parents=True)
    override.write_text(source.replace(text, replacement, 1))
    build(project, project / "dist")
    assert problems(project / "server" / language, language, gotypes) != []


def test_go_layout_is_checked_by_gofmt(tmp_path, gotypes):
    """gofmt -l fails a server that parses but is not laid out as gofmt would."""
    project = example_project(tmp_path / "project")
    template = "server/go/snippets/create-payment-intent.go"
    override = project / "Templates" / template
    override.parent.mkdir(parents=True)
    override.write_text((REPOSITORY / "Templates" / template).read_text().replace("\tparams := ", "\tparams  := ", 1))
    build(project, project / "dist")
    assert any("gofmt" in problem for problem in problems(project / "server" / "go", "go", gotypes))


# Each server's default web root, as its code writes it (the value, then how
# it is resolved), and the lines by which it refuses hidden files and paths
# that leave the root: its language's own way. The other servers cannot run
# here (their libraries come from registries this machine cannot reach), so
# their code is read instead.
WEB_ROOTS = {
    "python": ("app.py", r'os\.path\.join\(\s*os\.path\.dirname\(os\.path\.abspath\(__file__\)\), "([^"]+)"\)',
               ["app = Flask(__name__, static_folder=None)", "safe_join(SITE_DIR, path)",
                'any(part.startswith(".") for part in path.split("/"))', "@app.errorhandler(404)"]),
    "node": ("server.js", r"path\.resolve\(__dirname, process\.env\.STATIC_DIR \|\| \"([^\"]+)\"\)",
             ["express.static(SITE_DIR, {dotfiles: 'ignore'})", "res.status(404).sendFile('404.html', {root: SITE_DIR})"]),
    "ruby": ("app.rb", r"File\.expand_path\(ENV\.fetch\(\"STATIC_DIR\", '([^']+)'\), __dir__\)",
             ["set :static, false", 'relative.split("/").any? { |part| part.start_with?(".") }',
              "path.start_with?(SITE_DIR + File::SEPARATOR)", 'send_file File.join(SITE_DIR, "404.html"), status: 404']),
    "php": ("router.php", r"getenv\('STATIC_DIR'\) \?: __DIR__ \. '/' \. '([^']+)'",
            ["fn (string $part): bool => str_starts_with($part, '.')", "str_starts_with($file, SITE_DIR . DIRECTORY_SEPARATOR)",
             "send_file(404, SITE_DIR . '/404.html')", "serve_site_file($path)"]),
    "go": ("main.go", r'siteDir = filepath\.FromSlash\("([^"]+)"\)',
           ['strings.HasPrefix(part, ".")', 'mux.Handle("/", withSecurityHeaders(siteHandler(siteDir)))', 'filepath.Join(siteDir, "404.html")']),
    "java": ("src/main/java/checkout/AlmaCheckoutServer.java", r'environment\("STATIC_DIR", "([^"]+)"\)',
             ['anyMatch(part -> part.startsWith("."))', "!file.startsWith(siteDir)", 'siteDir.resolve("404.html")',
              'http.createContext("/", safely(server::route))']),
    "dotnet": ("Program.cs", r'Setting\("STATIC_DIR", "([^"]+)"\)',
               ["Split('/').Any(part => part.StartsWith('.'))", "new PhysicalFileProvider(siteDir)",
                "if (context.GetEndpoint() == null)", "await SendNotFoundAsync(context, siteDir);"]),
}

@pytest.mark.parametrize("out", ["dist", "../published/site"])
@pytest.mark.parametrize("language", sorted(WEB_ROOTS))
def test_each_server_serves_the_published_folder_alone(tmp_path, language, out):
    project = example_project(tmp_path / "project")
    published = (project / out).resolve()
    build(project, published)
    main, pattern, refusals = WEB_ROOTS[language]
    code = (project / "server" / language / main).read_text()
    default = re.search(pattern, code)
    assert default, f"{language}: no default web root found in {main}"
    # Resolved from the server's folder, which is also where its README runs it.
    assert (project / "server" / language / default.group(1)).resolve() == published
    for line in refusals:
        assert line in code, f"{language}: {line!r} is gone from {main}"
    assert "../.." + "'" not in code and '"../.."' not in code, "the old web root, which held the servers"
    # ASP.NET picks a fallback endpoint for / and /fr/ before its static files can serve their index.
    assert "MapFallback" not in code


# How each server that cannot run here keeps a failure from crashing it or
# reaching the browser, read from its code (the Python, Node and Ruby servers
# and the PHP router are run for real in test_generated_servers.py and
# test_served_sites.py).
NO_CRASH_NO_LEAK = {
    "php": ("router.php", ["ini_set('display_errors', '0');", "ini_set('log_errors', '1');",
                           "send_error(502, 'stripe_error', 'The payment could not be prepared. Please try again.');"]),
    "go": ("main.go", ['errorBody("stripe_error", "The payment could not be prepared. Please try again.")',
                       "ReadHeaderTimeout: 10 * time.Second", 'strings.HasPrefix(string(event.Type), "payment_intent.")']),
    "java": ("src/main/java/checkout/AlmaCheckoutServer.java", [
        'http.createContext("/", safely(server::route));', "catch (SignatureVerificationException | RuntimeException problem)",
        'throw new SignatureVerificationException("no Stripe-Signature header", null);',
        'errorJson("stripe_error", "The payment could not be prepared. Please try again.")',
        "http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());"]),
    "dotnet": ("Program.cs", ['var signature = request.Headers["Stripe-Signature"].ToString();', "if (signature.Length == 0)",
                              "app.UseExceptionHandler(", '"stripe_error",']),
}


@pytest.mark.parametrize("language", sorted(NO_CRASH_NO_LEAK))
def test_each_server_answers_failures_without_crashing_or_leaking(site, language):
    main, lines = NO_CRASH_NO_LEAK[language]
    code = (site / "server" / language / main).read_text()
    for line in lines:
        assert line in code, f"{language}: {line!r} is gone from {main}"


# A published folder whose name means something in some language's strings:
# PHP's $ and \u escapes, Ruby's #{...}, quotes, a backslash, spaces.
HOSTILE_FOLDER = "pub $HOME #{x} 'q\" \\u003C <dir>"


def test_an_unusual_published_folder_is_written_as_a_plain_string(tmp_path, gotypes):
    project = example_project(tmp_path / "project")
    published = project / HOSTILE_FOLDER
    build(project, published)
    for language in LANGUAGES:
        assert problems(project / "server" / language, language, gotypes) == [], language
    # What PHP and Ruby make of their literal is the folder's path, as written.
    php = (project / "server" / "php" / "router.php").read_text()
    literal = re.search(r"__DIR__ \. '/' \. ('(?:[^'\\]|\\.)*')", php).group(1)
    printed = subprocess.run(["php", "-r", f"echo {literal};"], capture_output=True, text=True, check=True).stdout
    assert printed == "../../" + HOSTILE_FOLDER
    ruby = (project / "server" / "ruby" / "app.rb").read_text()
    literal = re.search(r'ENV\.fetch\("STATIC_DIR", (\'(?:[^\'\\]|\\.)*\')\)', ruby).group(1)
    printed = subprocess.run(["ruby", "-e", f"print {literal}"], capture_output=True, text=True, check=True).stdout
    assert printed == "../../" + HOSTILE_FOLDER
    python = (project / "server" / "python" / "app.py").read_text()
    literal = re.search(r'os\.path\.abspath\(__file__\)\), ("(?:[^"\\]|\\.)*")\)', python).group(1)
    assert json.loads(literal) == "../../" + HOSTILE_FOLDER
