"""Every generated server sends the security headers of the published site's
`_headers` file (what a static host sends) with every file of the site: its
pages, its assets and its 404 page. The Python, Node, Ruby and PHP servers
run for real; the Go, Java and .NET servers, which cannot be built here, are
read: their table of headers must be the `_headers` file's, written as that
language's string literals, and the code that sets them must stand on the
path that serves the site."""
import http.client
import json
import os
import re

import pytest

from almakit_testing import ServerProcess, free_port
from stripe_stand_in import StripeStandIn
from test_generated_servers import RunningServer, build_site
from test_served_sites import COMMANDS, Served

# Names a server could add on its own (a framework's defaults): none may go
# out but those `_headers` lists.
SECURITY_HEADER_NAMES = {
    "content-security-policy", "content-security-policy-report-only", "x-frame-options",
    "x-content-type-options", "referrer-policy", "strict-transport-security", "permissions-policy",
    "x-xss-protection", "cross-origin-opener-policy", "cross-origin-embedder-policy",
    "cross-origin-resource-policy",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("headers"), "2026-10-28.endive")


def published_headers(project):
    """[(name, value)] of the built site's `_headers` rule for every file. The
    other rule, a long cache lifetime for the fingerprinted assets, is for
    static hosts and CDNs; the servers need not send it."""
    rules = {}
    for line in (project / "dist" / "_headers").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            pattern = line.strip()
            rules[pattern] = []
        else:
            name, value = line.strip().split(":", 1)
            rules[pattern].append((name.strip(), value.strip()))
    assert list(rules) == ["/*", "/assets/hashed/*"], rules
    headers = rules["/*"]
    # Not an empty list compared to nothing: the example is served over https.
    assert [name for name, _ in headers] == ["Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                                             "Referrer-Policy", "Strict-Transport-Security"]
    assert "frame-ancestors 'none'" in dict(headers)["Content-Security-Policy"]
    return headers


def site_addresses(project):
    """(path, status): pages, an asset, a folder's index and a missing page."""
    asset = sorted(path for path in (project / "dist" / "assets").rglob("*") if path.is_file())[0]
    return [("/", 200), ("/fr/checkout.html", 200), ("/en/", 200),
            ("/" + asset.relative_to(project / "dist").as_posix(), 200), ("/no-such-page.html", 404)]


def response_headers(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.msg
    finally:
        connection.close()


def assert_sends_the_published_headers(port, project):
    expected = published_headers(project)
    for path, status in site_addresses(project):
        answered, headers = response_headers(port, path)
        assert answered == status, path
        for name, value in expected:
            assert headers.get_all(name) == [value], (path, name, headers.get_all(name))
        others = {name.lower() for name in headers.keys()} & SECURITY_HEADER_NAMES - {n.lower() for n, _ in expected}
        assert others == set(), (path, others)


def test_the_python_server_sends_the_published_headers(project):
    stand_in = StripeStandIn()
    server = RunningServer(project, stand_in)
    try:
        assert_sends_the_published_headers(server.port, project)
    finally:
        server.stop()
        stand_in.close()


@pytest.mark.parametrize("kind", sorted(COMMANDS))
def test_the_node_and_ruby_servers_send_the_published_headers(project, kind):
    server = Served(project, kind)
    try:
        assert_sends_the_published_headers(server.port, project)
    finally:
        server.stop()


def test_the_php_router_sends_the_published_headers(project):
    """Under `php -S`, as in test_served_sites, with an empty autoloader."""
    folder = project / "server" / "php"
    (folder / "vendor").mkdir(exist_ok=True)
    (folder / "vendor" / "autoload.php").write_text("<?php\n")
    port = free_port()
    server = ServerProcess(["php", "-S", f"127.0.0.1:{port}", "router.php"], folder, port, dict(os.environ))
    try:
        assert_sends_the_published_headers(port, project)
    finally:
        server.stop()


# The generated code, read. Each language: its main file, its string
# literals, where its table of headers starts, and the code that serves the
# site, in which the headers must be set before any answer goes out.
DOUBLE_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"')
SINGLE_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.)*'")


def double_quoted(literal):
    """A Go, Java or C# string literal as AlmaKit writes them: JSON's escapes."""
    return json.loads(literal)


def single_quoted(literal):
    """A PHP or Ruby single-quoted string: only \\' and \\\\ are escapes."""
    return re.sub(r"\\([\\'])", r"\1", literal[1:-1])


def site_path(language, code):
    """The part of the code that serves the site, from where the headers must
    be set to where a file or the 404 page is sent; and the call that sets
    them. Fails when the code no longer has that shape."""
    if language == "go":
        assert 'mux.Handle("/", withSecurityHeaders(siteHandler(siteDir)))' in code
        wrapper = re.search(r"\nfunc withSecurityHeaders\(site http.Handler\) http.Handler \{\n.*?\n\}\n", code, re.S)
        return wrapper.group(0), "range securityHeaders", "site.ServeHTTP(w, r)"
    if language == "java":
        assert "default -> answerSiteFile(exchange);" in code
        handler = re.search(r"\n  void answerSiteFile\(HttpExchange exchange\) throws IOException \{\n.*?\n  \}\n", code, re.S)
        return handler.group(0), "SECURITY_HEADERS", "sendFile("
    if language == "dotnet":
        main = re.search(r"\n        public static void Main\(string\[\] args\)\n        \{\n.*?\n        \}\n", code, re.S)
        return main.group(0), "in SecurityHeaders", "SendNotFoundAsync("
    if language == "php":
        assert "serve_site_file($path);" in code
        handler = re.search(r"\nfunction serve_site_file\(string \$path\): void\n\{\n.*?\n\}\n", code, re.S)
        return handler.group(0), "foreach (SECURITY_HEADERS as $name => $value)", "send_file("
    raise AssertionError(language)


READ = {
    # language: (main file, literal pattern, its decoder, the table's first line, the line that sets one header)
    "go": ("main.go", DOUBLE_QUOTED, double_quoted, "var securityHeaders = [][2]string{",
           "w.Header().Set(header[0], header[1])"),
    "java": ("src/main/java/checkout/AlmaCheckoutServer.java", DOUBLE_QUOTED, double_quoted,
             "static final String[][] SECURITY_HEADERS = {", "exchange.getResponseHeaders().set(header[0], header[1]);"),
    "dotnet": ("Program.cs", DOUBLE_QUOTED, double_quoted,
               "static readonly Dictionary<string, string> SecurityHeaders = new Dictionary<string, string>",
               "context.Response.Headers[header.Key] = header.Value;"),
    "php": ("router.php", SINGLE_QUOTED, single_quoted, "const SECURITY_HEADERS = [", "header($name . ': ' . $value);"),
}


def header_table(code, literal, decode, start):
    """[(name, value)] of the table that starts at `start`: one entry a line,
    each exactly two string literals, up to the line that closes it."""
    lines = code[code.index(start) + len(start):].split("\n")[1:]
    table = []
    for line in lines:
        if re.fullmatch(r"\s*[}\]];?", line):
            return table
        if line.strip() in ("{", "["):
            continue
        literals = literal.findall(line)
        assert len(literals) == 2, f"not one header a line: {line!r}"
        table.append(tuple(decode(text) for text in literals))
    raise AssertionError("the table of headers is not closed")


@pytest.mark.parametrize("language", sorted(READ))
def test_the_server_code_sets_the_published_headers_on_the_site(project, language):
    main, literal, decode, start, setter = READ[language]
    code = (project / "server" / language / main).read_text()
    assert code.count(start) == 1, f"{main} declares no table of headers"
    assert header_table(code, literal, decode, start) == published_headers(project)
    path, uses_table, answer = site_path(language, code)
    assert uses_table in path and setter in path, f"{main}: the site's answers are not given the headers"
    assert path.index(uses_table) < path.index(setter) < path.index(answer), \
        f"{main}: the headers must be set before the site's answer goes out"
    if language == "dotnet":
        # The middleware stands before those that answer with a file of the site.
        for serving in ("app.UseDefaultFiles(", "app.UseStaticFiles(", "await SendNotFoundAsync(context, siteDir);"):
            assert path.index(setter) < path.index(serving), serving
