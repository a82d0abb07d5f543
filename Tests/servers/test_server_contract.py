"""The catalogue and the no-JavaScript checkout in the servers that cannot run
here (Ruby, Node, PHP, Go, Java, .NET: their Stripe libraries come from
registries this machine cannot reach), read from their generated code.

Each server must charge the catalogue's own amounts (never one from the
request), answer `POST <checkout_path>` by creating and confirming the
PaymentIntent with Alma and an absolute return address built from
SITE_BASE_URL or the site's base_url (never the Host header), send the
customer on with a 303, fall back to the site's payment-error.html, and
retrieve the PaymentIntent on `<checkout_path>/return`. Every check names the
line of code that does it, so that a template losing a feature fails here
(the last test proves it for each language)."""
import re

import pytest

from almakit_testing import REPOSITORY, build, example_project

LANGUAGES = ["ruby", "node", "php", "go", "java", "dotnet"]
MAIN = {"ruby": "app.rb", "node": "server.js", "php": "router.php", "go": "main.go",
        "java": "src/main/java/checkout/AlmaCheckoutServer.java", "dotnet": "Program.cs"}
BASE_URL = "https://shop.example.fr"
CATALOGUE = [("workshop-lamp", 5099), ("reading-lamp", 12900), ("floor-lamp", 189000)]
# The example's one product: the one-product form, whose id defaults to "product".
ONE_PRODUCT = [("product", 5099)]


def catalogue_config(config):
    """The example's configuration with a catalogue of three products instead
    of its one product, and the no-JavaScript checkout at /pay."""
    one_product = re.search(r"^  amount: 5099\n  product:\n(?:    .*\n)+", config, re.MULTILINE)
    assert one_product, "the example's one-product form changed: update catalogue_config"
    config = config.replace(one_product.group(0), "")
    products = "products:\n" + "".join(
        f"  - id: {product_id}\n    name: {{ fr: Lampe {index}, en: Lamp {index} }}\n    amount: {amount}\n"
        for index, (product_id, amount) in enumerate(CATALOGUE, 1))
    config = config.replace("stripe:\n", products + "stripe:\n", 1)
    return config.replace("server:\n", "server:\n  checkout_path: /pay\n", 1)


# (name, API version, catalogue or None for the example's one product, checkout path)
CONFIGURATIONS = [
    ("one-product-basil", "2025-03-31.basil", None, "/checkout"),
    ("catalogue-endive-pay", "2026-10-28.endive", CATALOGUE, "/pay"),
]


def make_project(folder, version, catalogue):
    project = example_project(folder, version)
    if catalogue:
        config = project / "almakit.yml"
        config.write_text(catalogue_config(config.read_text()))
    return project


@pytest.fixture(scope="module", params=CONFIGURATIONS, ids=[c[0] for c in CONFIGURATIONS])
def configured_site(request, tmp_path_factory):
    name, version, catalogue, checkout_path = request.param
    project = make_project(tmp_path_factory.mktemp(name) / "project", version, catalogue)
    build(project, project / "dist")
    restriction = "allowed_payment_method_types" if version.endswith("endive") else "payment_method_types"
    return project, {"products": catalogue or ONE_PRODUCT, "checkout_path": checkout_path,
                     "restriction": restriction, "catalogue": bool(catalogue)}


class R(str):
    """A line of the contract written as a regular expression (Go lines up its constants)."""


def ruby_style(s):
    return "'" + s + "'"


def json_style(s):
    return '"' + s + '"'


# Per language: how the code writes each fact. `{id}`/`{amount}` are filled per
# product, `{path}`/`{return_path}` with the configured routes, `{default}` with
# the default product's literal, `{restriction}` with the parameter the pinned
# API version takes (its typed name for Go and .NET).
CONTRACT = {
    "ruby": {
        "product": "{id} => {amount},",
        "default": "DEFAULT_PRODUCT = {default}",
        # Every amount handed to Stripe, and where it must come from.
        "amount_param": (r"\bamount: (.+?),$", "PRODUCTS.fetch(product_id)"),
        "request_amount": r"params\[\s*[\"':]amount|\bparams\.fetch\(\s*[\"':]amount",
        "routes": ["CHECKOUT_PATH = {path}", "CHECKOUT_RETURN_PATH = {return_path}",
                   "post CHECKOUT_PATH do", "get CHECKOUT_RETURN_PATH do"],
        "restriction": '{restriction}: ["alma"],',
        "metadata": "metadata: { product_id: product_id },",
        "confirm": ["confirm: true,", 'payment_method_data: { type: "alma" },'],
        "return_url": ['SITE_BASE_URL = ENV.fetch("SITE_BASE_URL", "").then { |url| url.empty? ? '
                       "'" + BASE_URL + "' : url }.chomp(\"/\")",
                       'return_url: "#{SITE_BASE_URL}#{CHECKOUT_RETURN_PATH}?lang=#{lang}",'],
        "host": r"request\.(host|base_url|url|host_with_port|authority)\b|HTTP_HOST|HTTP_X_FORWARDED_HOST",
        "see_other": ["redirect next_action.redirect_to_url.url, 303", 'redirect "#{page}#status-#{status}", 303',
                      "set :absolute_redirects, false"],
        "error_page": ['File.join(SITE_DIR, lang, "payment-error.html")', "headers SECURITY_HEADERS",
                       "payment_error_page(lang, problem == :missing_product ? 400 : 404) if problem",
                       "payment_error_page(lang, 502)"],
        "product_errors": ['halt 400, error_json("missing_product",', 'halt 404, error_json("unknown_product",'],
        "retrieve": ["STRIPE_CLIENT.v1.payment_intents.retrieve(intent_id)",
                     "Rack::Utils.secure_compare(intent.client_secret.to_s, client_secret)",
                     "intent_id.match?(/\\Api_[A-Za-z0-9]+\\z/)", 'client_secret.start_with?("#{intent_id}_secret_")',
                     'status = "unknown"'],
        "query": ['find_product(params["product"])'],
    },
    "node": {
        "product": "[{id}, {amount}],",
        "default": "const DEFAULT_PRODUCT = {default};",
        "amount_param": (r"\bamount: (.+?),$", "PRODUCTS.get(productId)"),
        "request_amount": r"req\.(body|query|params)(\.amount\b|\[\s*['\"]amount)",
        "routes": ["const CHECKOUT_PATH = {path};", "const CHECKOUT_RETURN_PATH = {return_path};",
                   "app.post(CHECKOUT_PATH, express.urlencoded({extended: false}),",
                   "app.get(CHECKOUT_RETURN_PATH,"],
        "restriction": "{restriction}: ['alma'],",
        "metadata": "metadata: {product_id: productId},",
        "confirm": ["confirm: true,", "payment_method_data: {type: 'alma'},"],
        "return_url": ['const SITE_BASE_URL = (process.env.SITE_BASE_URL || "' + BASE_URL + '").replace(/\\/$/, \'\');',
                       "return_url: `${SITE_BASE_URL}${CHECKOUT_RETURN_PATH}?lang=${lang}`,"],
        "host": r"req\.(hostname|host|protocol|headers\.host|headers\[\s*['\"]host)|req\.get\(\s*['\"]host|"
                r"req\.header\(\s*['\"]host|originalUrl",
        "see_other": ["return res.redirect(303, nextAction.redirect_to_url.url);",
                      "res.redirect(303, `${page}#status-${status}`);"],
        "error_page": ["res.status(status).sendFile(path.join(lang, 'payment-error.html'), {root: SITE_DIR}",
                       "sendPaymentErrorPage(res, lang, problem === 'missing_product' ? 400 : 404);",
                       "sendPaymentErrorPage(res, lang, 502);"],
        "product_errors": ["return sendError(res, 400, problem,", "return sendError(res, 404, problem,",
                           "return {problem: 'missing_product'};", "return {problem: 'unknown_product'};"],
        "retrieve": ["await stripe.paymentIntents.retrieve(intentId);", "crypto.timingSafeEqual(expected, given)",
                     "/^pi_[A-Za-z0-9]+$/.test(intentId)", "clientSecret.startsWith(`${intentId}_secret_`)",
                     "let status = 'unknown';"],
        "query": ["findProduct(req.query.product)"],
    },
    "php": {
        "product": "{id} => {amount},",
        "default": "const DEFAULT_PRODUCT = {default};",
        "amount_param": (r"'amount' => (.+?),$", "PRODUCTS[$productId]"),
        "request_amount": r"\$_(POST|GET|REQUEST)\[\s*['\"]amount|php://input.*amount",
        "routes": ["const CHECKOUT_PATH = {path};", "const CHECKOUT_RETURN_PATH = {return_path};",
                   "'POST ' . CHECKOUT_PATH => answer_checkout(make_stripe_client($secretKey)),",
                   "'GET ' . CHECKOUT_RETURN_PATH => answer_checkout_return(make_stripe_client($secretKey)),"],
        "restriction": "'{restriction}' => ['alma'],",
        "metadata": "'metadata' => ['product_id' => $productId],",
        "confirm": ["'confirm' => true,", "'payment_method_data' => ['type' => 'alma'],"],
        "return_url": ["define('SITE_BASE_URL', rtrim(getenv('SITE_BASE_URL') ?: '" + BASE_URL + "', '/'));",
                       "'return_url' => SITE_BASE_URL . CHECKOUT_RETURN_PATH . '?lang=' . rawurlencode($lang),"],
        "host": r"HTTP_HOST|SERVER_NAME|HTTP_X_FORWARDED_HOST|getallheaders",
        "see_other": ["header('Location: ' . $location, true, 303);",
                      "redirect_see_other($nextAction->redirect_to_url->url);",
                      "redirect_see_other($page . '#status-' . $status);"],
        "error_page": ["$page = SITE_DIR . '/' . $lang . '/payment-error.html';", "send_file($status, $page);",
                       "send_payment_error_page($lang, $status);", "send_payment_error_page($lang, 502);"],
        "product_errors": ["return [null, ['missing_product', 400]];", "return [null, ['unknown_product', 404]];"],
        "retrieve": ["$stripe->paymentIntents->retrieve($intentId);",
                     "hash_equals((string) $intent->client_secret, $clientSecret)",
                     "preg_match('/^pi_[A-Za-z0-9]+$/D', $intentId) === 1",
                     "str_starts_with($clientSecret, $intentId . '_secret_')", "$status = 'unknown';"],
        "query": ["find_product($_GET['product'] ?? null)", "find_product($_POST['product'] ?? null)"],
    },
    "go": {
        "product": "{{id}, {amount}},",
        "default": R(r"defaultProduct\s+= {default}"),
        "amount_param": (r"\bAmount:\s+(.+?),$", "stripe.Int64(item.amount)"),
        "request_amount": r"(FormValue|Get)\(\s*\"amount\"\)|Form\[\s*\"amount\"\]",
        "routes": [R(r"\bcheckoutPath\s+= {path}\n"), R(r"\bcheckoutReturnPath\s+= {return_path}\n"),
                   'mux.Handle("POST "+checkoutPath, checkoutHandler(client, siteDir))',
                   'mux.Handle("GET "+checkoutReturnPath, checkoutReturnHandler(client))'],
        "restriction": '{restriction}: stripe.StringSlice([]string{{"alma"}}),',
        "metadata": 'Metadata: map[string]string{"product_id": item.id},',
        "confirm": ["Confirm: stripe.Bool(true),",
                    "PaymentMethodData: &stripe.PaymentIntentCreatePaymentMethodDataParams{\n"
                    "\t\t\t\tType: stripe.String(\"alma\"),"],
        "return_url": [R(r"\bdefaultSiteBaseURL\s+= \"" + re.escape(BASE_URL) + "\"\n"),
                       'base := os.Getenv("SITE_BASE_URL")',
                       'ReturnURL: stripe.String(siteBaseURL() + checkoutReturnPath + "?lang=" + url.QueryEscape(lang.code)),'],
        "host": r"\br\.(Host|TLS)\b|r\.URL\.Host|Header\.Get\(\s*\"(Host|X-Forwarded-Host)\"",
        "see_other": ["http.Redirect(w, r, next.RedirectToURL.URL, http.StatusSeeOther)",
                      'http.Redirect(w, r, page+"#status-"+status, http.StatusSeeOther)'],
        "error_page": ['os.ReadFile(filepath.Join(siteDir, lang, "payment-error.html"))',
                       "sendPaymentErrorPage(w, siteDir, lang.code, status)",
                       "sendPaymentErrorPage(w, siteDir, lang.code, http.StatusBadGateway)",
                       "status = http.StatusBadRequest"],
        "product_errors": ['writeJSON(w, http.StatusBadRequest, errorBody("missing_product",',
                           'writeJSON(w, http.StatusNotFound, errorBody("unknown_product",'],
        "retrieve": ["client.V1PaymentIntents.Retrieve(r.Context(), intentID, nil)",
                     "subtle.ConstantTimeCompare([]byte(intent.ClientSecret), []byte(clientSecret)) == 1",
                     "regexp.MustCompile(`^pi_[A-Za-z0-9]+$`)", 'strings.HasPrefix(clientSecret, intentID+"_secret_")',
                     'status, kept := "unknown", ""'],
        "query": ['findProduct(r.URL.Query().Get("product"))', 'findProduct(r.PostFormValue("product"))'],
    },
    "java": {
        "product": "Map.entry({id}, {amount}L)",
        "default": "static final String DEFAULT_PRODUCT = {default};",
        "amount_param": (r"\.setAmount\((.+?)\)$", "PRODUCTS.get(productId)"),
        "request_amount": r"\.get(OrDefault)?\(\s*\"amount\"",
        "routes": ["static final String CHECKOUT_PATH = {path};", "static final String CHECKOUT_RETURN_PATH = {return_path};",
                   "case CHECKOUT_PATH -> answerCheckout(exchange);",
                   "case CHECKOUT_RETURN_PATH -> answerCheckoutReturn(exchange);"],
        "restriction": None,  # the builder call comes from the generator: checked below
        "metadata": '.putMetadata("product_id", productId)',
        "confirm": [".setConfirm(true)", ".setType(PaymentIntentCreateParams.PaymentMethodData.Type.ALMA)"],
        "return_url": ['static final String SITE_BASE_URL = "' + BASE_URL + '";',
                       'environment("SITE_BASE_URL", SITE_BASE_URL)',
                       '.setReturnUrl(siteBaseUrl + CHECKOUT_RETURN_PATH + "?lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8))'],
        "host": r"\"(Host|X-Forwarded-Host)\"|getRequestURI\(\)\.getHost|getLocalAddress|getRemoteAddress",
        "see_other": ["exchange.sendResponseHeaders(303, -1);",
                      "redirectSeeOther(exchange, next.getRedirectToUrl().getUrl());",
                      'redirectSeeOther(exchange, page + "#status-" + status);'],
        "error_page": ['siteDir.resolve(lang).resolve("payment-error.html")', "sendFile(exchange, status, page);",
                       "sendPaymentErrorPage(exchange, lang, refusalStatus(refusal));",
                       "sendPaymentErrorPage(exchange, lang, 502);",
                       'return refusal.equals("missing_product") ? 400 : 404;'],
        "product_errors": ['return "missing_product";', ': "unknown_product";',
                           "sendJson(exchange, refusalStatus(refusal), errorJson(refusal,"],
        "retrieve": ["PaymentIntent.retrieve(intentId, RequestOptions.builder().setApiKey(secretKey).build())",
                     "MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8))",
                     'intentId.matches("pi_[A-Za-z0-9]+")', 'clientSecret.startsWith(intentId + "_secret_")',
                     'String status = "unknown";'],
        "query": ['formFields(exchange.getRequestURI().getRawQuery()).get("product")', 'form.get("product")'],
    },
    "dotnet": {
        "product": "{ {id}, {amount} },",
        "default": "const string DefaultProduct = {default};",
        "amount_param": (r"\bAmount = (.+?),$", "Products[productId]"),
        "request_amount": r"\[\s*\"amount\"\s*\]",
        "routes": ["const string CheckoutPath = {path};", "const string CheckoutReturnPath = {return_path};",
                   "app.MapPost(CheckoutPath, (HttpContext context) => AnswerCheckoutAsync(",
                   "app.MapGet(CheckoutReturnPath, (HttpContext context) => AnswerCheckoutReturnAsync("],
        "restriction": '{restriction} = new List<string> {{ "alma" }},',
        "metadata": 'Metadata = new Dictionary<string, string> { { "product_id", productId } },',
        "confirm": ["Confirm = true,", 'PaymentMethodData = new PaymentIntentPaymentMethodDataOptions { Type = "alma" },'],
        "return_url": ['const string DefaultSiteBaseUrl = "' + BASE_URL + '";',
                       'var siteBaseUrl = Setting("SITE_BASE_URL", DefaultSiteBaseUrl).TrimEnd(\'/\');',
                       'ReturnUrl = siteBaseUrl + CheckoutReturnPath + "?lang=" + Uri.EscapeDataString(lang),'],
        "host": r"Request\.(Host|Scheme|PathBase)\b|Headers\[\s*\"(Host|X-Forwarded-Host)\"|Headers\.Host|"
                r"GetDisplayUrl|GetEncodedUrl|UseForwardedHeaders",
        "see_other": ["context.Response.StatusCode = StatusCodes.Status303SeeOther;",
                      "RedirectSeeOther(context, next.RedirectToUrl.Url);",
                      'RedirectSeeOther(context, page + "#status-" + status);'],
        "error_page": ['var page = Path.Combine(siteDir, lang, "payment-error.html");',
                       "await context.Response.SendFileAsync(page);",
                       "await SendPaymentErrorPageAsync(context, siteDir, lang, RefusalStatus(refusal));",
                       "await SendPaymentErrorPageAsync(context, siteDir, lang, StatusCodes.Status502BadGateway);",
                       'return refusal == "missing_product" ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;'],
        "product_errors": ['return "missing_product";', ': "unknown_product";',
                           "return ErrorResult(RefusalStatus(refusal), refusal,"],
        "retrieve": ["await new PaymentIntentService(stripe).GetAsync(intentId);",
                     "CryptographicOperations.FixedTimeEquals(",
                     'Regex.IsMatch(intentId, @"^pi_[A-Za-z0-9]+\\z")',
                     'clientSecret.StartsWith(intentId + "_secret_", StringComparison.Ordinal)', 'var status = "unknown";'],
        "query": ['RequestedProduct(request.Query["product"].ToString())', 'RequestedProduct(form["product"].ToString())'],
    },
}
TYPED_RESTRICTION = {"payment_method_types": "PaymentMethodTypes",
                     "allowed_payment_method_types": "AllowedPaymentMethodTypes"}
JAVA_RESTRICTION = {"payment_method_types": '.addPaymentMethodType("alma")',
                    "allowed_payment_method_types":
                        ".addAllowedPaymentMethodType(PaymentIntentCreateParams.AllowedPaymentMethodType.ALMA)"}


def literal(language, text):
    return ruby_style(text) if language in ("ruby", "php") else json_style(text)


def contract_problems(code, language, facts):
    """What the code of `language`'s server misses of the contract; empty when all is there."""
    contract = CONTRACT[language]
    problems = []

    def present(expected, what, times=1):
        found = len(re.findall(expected, code)) if isinstance(expected, R) else code.count(expected)
        if found < times:
            problems.append(f"{what}: {expected!r} found {found} times, expected at least {times}")

    def fill(text):
        path = facts["checkout_path"]
        values = {"path": literal(language, path), "return_path": literal(language, path + "/return")}
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text

    # The catalogue: each amount once, as a catalogue entry, and nowhere else.
    for product_id, amount in facts["products"]:
        entry = contract["product"].replace("{id}", literal(language, product_id)).replace("{amount}", str(amount))
        present(entry, f"catalogue entry for {product_id}")
        occurrences = len(re.findall(rf"(?<!\d){amount}(?!\d)", code))
        if occurrences != 1:
            problems.append(f"amount {amount} appears {occurrences} times: only the catalogue may hold it")
    default = facts["products"][0][0] if not facts["catalogue"] else ""
    default_line = contract["default"].replace("{default}", literal(language, default))
    present(R(default_line) if isinstance(contract["default"], R) else default_line, "default product")

    # Every amount handed to Stripe comes from the catalogue: one for the
    # client secret's PaymentIntent, one for the no-JavaScript checkout's.
    pattern, source = contract["amount_param"]
    amounts = re.findall(pattern, code, re.MULTILINE)
    if len(amounts) < 2 or any(found.strip() != source for found in amounts):
        problems.append(f"amounts sent to Stripe: {amounts}, each must be {source}, at least twice")
    if re.search(contract["request_amount"], code):
        problems.append("an amount is read from the request")
    for line in contract["query"]:
        present(line, "the product named by the request")

    # Routes at the configured paths.
    for line in contract["routes"]:
        present(R(fill(line)) if isinstance(line, R) else fill(line), "route")

    # Restricted to Alma with the pinned version's parameter, in both creates.
    restriction = facts["restriction"]
    if language == "java":
        present(JAVA_RESTRICTION[restriction], "restriction", 2)
        other = [value for key, value in JAVA_RESTRICTION.items() if key != restriction][0]
    else:
        name = TYPED_RESTRICTION[restriction] if language in ("go", "dotnet") else restriction
        present(contract["restriction"].replace("{restriction}", name).replace("{{", "{").replace("}}", "}"),
                "restriction", 2)
        other_name = [n for n in TYPED_RESTRICTION if n != restriction][0]
        other = TYPED_RESTRICTION[other_name] if language in ("go", "dotnet") else other_name
        other = re.compile(rf"(?<![A-Za-z_]){re.escape(other)}\b\W*[:=]")
    if (other.search(code) if isinstance(other, re.Pattern) else other in code):
        problems.append(f"the other API version's restriction parameter is sent: {other}")

    present(contract["metadata"], "metadata[product_id]", 2)
    for line in contract["confirm"]:
        present(line, "create and confirm with Alma")
    for line in contract["return_url"]:
        present(line, "return_url from SITE_BASE_URL or the base URL")
    if re.search(contract["host"], code):
        problems.append(f"reads the request's host: {re.search(contract['host'], code).group(0)!r}")
    for key in ("see_other", "error_page", "product_errors", "retrieve"):
        for line in contract[key]:
            present(line, key)
    present("#status-", "the status fragment")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_server_keeps_the_contract(configured_site, language):
    project, facts = configured_site
    code = (project / "server" / language / MAIN[language]).read_text()
    assert contract_problems(code, language, facts) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_server_documents_the_no_javascript_routes(configured_site, language):
    project, facts = configured_site
    readme = (project / "server" / language / "README.md").read_text()
    path = facts["checkout_path"]
    for text in ("SITE_BASE_URL", "?product=<id>", f"POST {path}", f"GET {path}/return", "payment-error.html",
                 "Sans JavaScript", "Without JavaScript"):
        assert text in readme, f"{language}: README says nothing of {text!r}"


# One feature taken out of one template per language, the way a careless edit
# would: (template, text in it, what replaces it). Each must fail the checks.
BREAKAGES = {
    "ruby": ("server/ruby/snippets/checkout-endpoint.rb", "        confirm: true,\n", ""),
    "node": ("server/node/snippets/checkout-endpoint.js", "        metadata: {product_id: productId},\n", ""),
    "php": ("server/php/snippets/checkout-return-endpoint.php",
            "$stripe->paymentIntents->retrieve($intentId)", "$stripe->paymentIntents->search($intentId)"),
    "go": ("server/go/snippets/checkout-endpoint.go", "http.StatusSeeOther)\n\t\t\treturn", "http.StatusFound)\n\t\t\treturn"),
    "java": ("server/java/snippets/checkout-endpoint.java",
             '.setReturnUrl(siteBaseUrl + CHECKOUT_RETURN_PATH',
             '.setReturnUrl("https://" + exchange.getRequestHeaders().getFirst("Host") + CHECKOUT_RETURN_PATH'),
    "dotnet": ("server/dotnet/snippets/checkout-endpoint.cs", "Amount = Products[productId],",
               'Amount = long.Parse(form["amount"].ToString()),'),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_template_without_a_feature_fails_the_contract(tmp_path, language):
    template, text, replacement = BREAKAGES[language]
    source = (REPOSITORY / "Templates" / template).read_text()
    assert text in source, f"{template} no longer contains {text!r}: update the breakage"
    name, version, catalogue, checkout_path = CONFIGURATIONS[1]
    project = make_project(tmp_path / "project", version, catalogue)
    override = project / "Templates" / template
    override.parent.mkdir(parents=True)
    override.write_text(source.replace(text, replacement, 1))
    build(project, project / "dist")
    code = (project / "server" / language / MAIN[language]).read_text()
    facts = {"products": CATALOGUE, "checkout_path": checkout_path, "catalogue": True,
             "restriction": "allowed_payment_method_types"}
    assert contract_problems(code, language, facts) != []
