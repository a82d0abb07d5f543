import Testing
@testable import AlmaKitCore
@testable import AlmaKitHighlight
@testable import AlmaKitMarkdown
@testable import AlmaKitSite

@Suite struct HighlighterTests {
    // MARK: Samples, one per language

    static let shell = #"""
        #!/usr/bin/env bash
        # Create a PaymentIntent; if it fails, exit
        curl https://api.stripe.com/v1/payment_intents#for \
          -u "$STRIPE_SECRET_KEY:" \
          -d amount=2000 \
          -d "description=Order ${ORDER_ID} for $USER" \
          -H 'Idempotency-Key: $not_a_var'
        if [ $? -ne 0 ]; then echo "failed: for" >&2; exit 1; fi
        for f in ./done/*.json; do cat "$f"; done
        """#

    static let ruby = #"""
        require 'sinatra'
        require_relative './config'

        # Create a PaymentIntent; the end of the amount is in cents
        post '/create-payment-intent' do
          @amount = 1_999
          intent = Stripe::PaymentIntent.create(amount: @amount, currency: "eur")
          { clientSecret: intent.client_secret, klass: intent.class }.to_json
        end

        def amount_for(items)
          items.sum { |item| item[:price] * @@rate } unless items.empty?
        end
        """#

    static let python = #"""
        import stripe
        from flask import Flask, jsonify

        @app.route("/create-payment-intent", methods=["POST"])
        def create_payment():
            """Create a PaymentIntent.

            Raises if the amount is not valid.
            """
            amount = 1_999  # in cents; return value below
            label = f"Order {amount} for you"
            path = r'C:\new'
            if amount > 0 and not None:
                return jsonify(clientSecret=intent.client_secret)
            return None
        """#

    static let javaScript = #"""
        // Confirm the payment; if it fails, show the error
        const stripe = Stripe("pk_test_123");
        async function confirm(clientSecret) {
          const { error } = await stripe.confirmPayment({ confirmParams: { return_url: `${location.origin}/done` } });
          /* multi-line
             comment: const is not a keyword here */
          if (error) { showMessage(error.message ?? 'Something went wrong, try again'); }
          module.default = this.delete;
          return 0.5 + 0xFF + 10n;
        }
        """#

    static let php = #"""
        <?php
        function createIntent(array $params): string
        {
            // Amount in cents; return early if empty
            $amount = $params['amount'] ?? 1000;
            # legacy comment: foreach
            /* block
               comment with function keyword */
            $label = "Order for $amount cents";
            return json_encode(['amount' => $amount, 'label' => $label]);
        }
        """#

    static let go = #"""
        package main

        import (
        	"fmt"
        	"net/http"
        )

        // handleConfig returns the publishable key; if it is missing, return an error.
        func handleConfig(w http.ResponseWriter, r *http.Request) {
        	amount := 0x1F + 2_000 + 1.5e3
        	msg := `raw "for" string`
        	fmt.Fprintf(w, "{\"key\": %q, \"for\": %d}", key, amount)
        }
        """#

    static let java = #"""
        import com.stripe.Stripe;

        public class Server {
            /** Entry point: if the key is missing, throw. */
            public static void main(String[] args) {
                Stripe.apiKey = System.getenv("STRIPE_SECRET_KEY"); // never hard-code "keys"
                long amount = 2_000L;
                char quote = '\'';
                String json = """
                    {"for": "while"}
                    """;
                if (amount > 0) { System.out.println("class " + amount); }
            }
        }
        """#

    static let cSharp = #"""
        using Stripe;

        public class PaymentsController : Controller
        {
            // POST /create-payment-intent: returns the client secret
            [HttpPost]
            public async Task<IActionResult> Create(long amount = 2_000L)
            {
                var path = @"C:\stripe\new ""config""";
                var note = $"Pay {amount} now";
                /* if this fails, return BadRequest */
                var intent = await new PaymentIntentService().CreateAsync(new PaymentIntentCreateOptions { Amount = amount, Currency = "eur" });
                return Json(new { clientSecret = intent.ClientSecret });
            }
        }
        """#

    static let yaml = #"""
        # Shop settings; true here is just a word
        shop:
          title: 'It''s open'   # quoted with an escaped quote
          url: https://example.test/shop#top
          currency: eur
          tax-rate: 0.2
          enabled: true
          note: it's fine
          "quoted key": null
          methods:
            - card
            - name: sepa_debit
        """#

    static let json = #"""
        {
          "id": "pi_123",
          "amount": 2000,
          "rate": -1.5e-3,
          "livemode": false,
          "metadata": {"note": "true story", "empty": null},
          "list": [1, 2]
        }
        """#

    static let html = #"""
        <!DOCTYPE html>
        <!-- checkout form: if you edit this, keep the id -->
        <form id="payment-form" data-secret='{{secret}}' novalidate class=wide>
          <label for="email">E-mail &amp; name</label>
          <input type="email" id="email" required/>
          <script src="/client.js"></script>
          <script>
            const amount = 1000; if (amount < 2) { alert("<b>for</b>"); }
          </script>
        </form>
        """#

    static let samples: [(language: String, code: String)] = [
        ("shell", shell), ("ruby", ruby), ("python", python), ("javascript", javaScript), ("php", php),
        ("go", go), ("java", java), ("csharp", cSharp), ("yaml", yaml), ("json", json), ("html", html),
    ]

    static let languages = samples.map(\.language)

    // MARK: Per-language expectations

    @Test func shellCurlCommand() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.shell, language: "bash"))
        #expect(out.contains(tok(.comment, "#!/usr/bin/env bash")))
        #expect(out.contains(tok(.comment, "# Create a PaymentIntent; if it fails, exit")))
        // "$VAR" inside double quotes: the variable is split out of the string.
        #expect(out.contains(tok(.string, "\"") + tok(.variable, "$STRIPE_SECRET_KEY") + tok(.string, ":\"")))
        #expect(out.contains(tok(.variable, "${ORDER_ID}")))
        #expect(out.contains(tok(.variable, "$USER") + tok(.string, "\"")))
        // Single quotes do not interpolate.
        #expect(out.contains(tok(.string, "'Idempotency-Key: $not_a_var'")))
        #expect(out.contains(tok(.variable, "$?")))
        #expect(out.contains(tok(.number, "2000")))
        for keyword in ["if", "then", "exit", "fi", "for", "in", "do", "done"] {
            #expect(out.contains(tok(.keyword, keyword)), "\(keyword)")
        }
        // `#` inside a word (a URL fragment) is not a comment; `for` there and in strings is not a keyword.
        #expect(out.contains("payment_intents#for \\"))
        #expect(out.contains(tok(.string, "\"failed: for\"")))
        #expect(out.contains("./done/*.json"))
        #expect(count(tok(.keyword, "for"), in: out) == 1)
        #expect(count(tok(.keyword, "done"), in: out) == 1)
    }

    /// `"$(…)"` runs a command inside a string, as the generated cURL server does: in
    /// there quotes open strings of their own instead of closing the outer one, and
    /// digits inside any of those strings are string, not numbers.
    @Test(arguments: [
        (#"-H "Stripe-Version: 2026-10-28.endive""#, [(nil, "-H "), (.string, #""Stripe-Version: 2026-10-28.endive""#)]),
        (#"-d "amount=8990""#, [(nil, "-d "), (.string, #""amount=8990""#)]),
        (#"-H 'Idempotency-Key: $key 42'"#, [(nil, "-H "), (.string, "'Idempotency-Key: $key 42'")]),
        (#"-d "description=Order \"42\" for $USER""#,
         [(nil, "-d "), (.string, #""description=Order \"42\" for "#), (.variable, "$USER"), (.string, #"""#)]),
        (#""$api_base/v1/payment_intents""#, [(.string, #"""#), (.variable, "$api_base"), (.string, #"/v1/payment_intents""#)]),
        (#"-d "note=$(date "+%Y") 1 (2)""#,
         [(nil, "-d "), (.string, #""note="#), (nil, "$(date "), (.string, #""+%Y""#), (nil, ")"), (.string, #" 1 (2)""#)]),
    ] as [(String, [(HighlightTokenKind?, String)])])
    func shellStringsInsideCommandSubstitution(argument: String, pieces: [(HighlightTokenKind?, String)]) throws {
        let out = try #require(SyntaxHighlighter.highlight("response=\"$(curl \(argument))\"", language: "sh"))
        let inner = pieces.map { kind, text in kind.map { tok($0, text) } ?? HTMLEscaping.text(text) }.joined()
        #expect(out == "response=" + tok(.string, "\"") + "$(curl " + inner + ")" + tok(.string, "\""))
    }

    /// Inside `$(…)` it is code again, down to the parenthesis that closes it.
    @Test func shellCommandSubstitutionIsCode() throws {
        let out = try #require(SyntaxHighlighter.highlight(#"echo "sum: $((1 + (2))) at $(date) for ')'""#, language: "sh"))
        #expect(out == "echo " + tok(.string, "\"sum: ") + "$((" + tok(.number, "1") + " + (" + tok(.number, "2") + ")))"
            + tok(.string, " at ") + "$(date)" + tok(.string, " for ')'\""))
    }

    @Test func rubySinatraRoute() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.ruby, language: "ruby"))
        #expect(out.contains(tok(.keyword, "require") + " " + tok(.string, "'sinatra'")))
        #expect(out.contains(tok(.keyword, "require_relative")))
        #expect(out.contains(tok(.comment, "# Create a PaymentIntent; the end of the amount is in cents")))
        #expect(out.contains(tok(.string, "'/create-payment-intent'") + " " + tok(.keyword, "do")))
        #expect(out.contains(tok(.variable, "@amount") + " = " + tok(.number, "1_999")))
        #expect(out.contains(tok(.variable, "@@rate")))
        #expect(out.contains(tok(.string, "\"eur\"")))
        #expect(out.contains(tok(.keyword, "def") + " amount_for(items)"))
        #expect(out.contains(tok(.keyword, "unless")))
        #expect(count(tok(.keyword, "end"), in: out) == 2)
        // After a dot it is a method call, not the keyword.
        #expect(out.contains("intent.class }"))
    }

    @Test func pythonFlaskHandler() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.python, language: "py"))
        for keyword in ["import", "from", "def", "if", "and", "not", "None", "return"] {
            #expect(out.contains(tok(.keyword, keyword)), "\(keyword)")
        }
        #expect(out.contains(tok(.string, "\"\"\"Create a PaymentIntent.\n\n    Raises if the amount is not valid.\n    \"\"\"")))
        #expect(out.contains(tok(.string, "f\"Order {amount} for you\"")))
        #expect(out.contains(tok(.string, #"r'C:\new'"#)))
        #expect(out.contains(tok(.comment, "# in cents; return value below")))
        #expect(out.contains(tok(.number, "1_999")))
        #expect(out.contains(tok(.string, "\"/create-payment-intent\"")))
        #expect(count(tok(.keyword, "return"), in: out) == 2)
    }

    @Test func javaScriptConfirmPayment() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.javaScript, language: "js"))
        for keyword in ["const", "async", "function", "await", "if", "this", "return"] {
            #expect(out.contains(tok(.keyword, keyword)), "\(keyword)")
        }
        #expect(out.contains(tok(.comment, "// Confirm the payment; if it fails, show the error")))
        #expect(out.contains(tok(.comment, "/* multi-line\n     comment: const is not a keyword here */")))
        #expect(out.contains(tok(.string, "\"pk_test_123\"")))
        #expect(out.contains(tok(.string, "`${location.origin}/done`")))
        #expect(out.contains(tok(.string, "'Something went wrong, try again'")))
        #expect(out.contains(tok(.number, "0.5") + " + " + tok(.number, "0xFF") + " + " + tok(.number, "10n")))
        #expect(out.contains("module.default = "))
        #expect(out.contains(".delete;"))
        #expect(count(tok(.keyword, "if"), in: out) == 1)
    }

    @Test func phpFunctionWithVariables() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.php, language: "php"))
        #expect(out.contains(tok(.keyword, "function") + " createIntent(" + tok(.keyword, "array") + " " + tok(.variable, "$params")))
        #expect(out.contains(tok(.comment, "// Amount in cents; return early if empty")))
        #expect(out.contains(tok(.comment, "# legacy comment: foreach")))
        #expect(out.contains(tok(.comment, "/* block\n       comment with function keyword */")))
        #expect(out.contains(tok(.variable, "$amount") + " = " + tok(.variable, "$params") + "[" + tok(.string, "'amount'") + "] ?? " + tok(.number, "1000")))
        #expect(out.contains(tok(.string, "\"Order for ") + tok(.variable, "$amount") + tok(.string, " cents\"")))
        #expect(out.contains(tok(.keyword, "return") + " json_encode("))
        #expect(count(tok(.keyword, "function"), in: out) == 1)
        #expect(!out.contains(tok(.keyword, "foreach")))
    }

    @Test func goFunction() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.go, language: "go"))
        for keyword in ["package", "import", "func"] {
            #expect(out.contains(tok(.keyword, keyword)), "\(keyword)")
        }
        #expect(out.contains(tok(.string, "\"fmt\"")))
        #expect(out.contains(tok(.comment, "// handleConfig returns the publishable key; if it is missing, return an error.")))
        #expect(out.contains(tok(.number, "0x1F") + " + " + tok(.number, "2_000") + " + " + tok(.number, "1.5e3")))
        #expect(out.contains(tok(.string, "`raw \"for\" string`")))
        #expect(out.contains(tok(.string, #""{\"key\": %q, \"for\": %d}""#)))
        #expect(!out.contains(tok(.keyword, "for")))
        #expect(!out.contains(tok(.keyword, "return")))
    }

    @Test func javaMain() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.java, language: "java"))
        for keyword in ["import", "public", "class", "static", "void", "long", "char", "if"] {
            #expect(out.contains(tok(.keyword, keyword)), "\(keyword)")
        }
        #expect(out.contains(tok(.comment, "/** Entry point: if the key is missing, throw. */")))
        #expect(out.contains(tok(.comment, "// never hard-code \"keys\"")))
        #expect(out.contains(tok(.string, "\"STRIPE_SECRET_KEY\"")))
        #expect(out.contains(tok(.number, "2_000L")))
        #expect(out.contains(tok(.string, #"'\''"#)))
        #expect(out.contains(tok(.string, "\"\"\"\n            {\"for\": \"while\"}\n            \"\"\"")))
        #expect(out.contains(tok(.string, "\"class \"")))
        #expect(count(tok(.keyword, "class"), in: out) == 1)
        #expect(!out.contains(tok(.keyword, "throw")))
        #expect(!out.contains(tok(.keyword, "while")))
    }

    @Test func cSharpControllerMethod() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.cSharp, language: "cs"))
        for keyword in ["using", "public", "class", "async", "long", "var", "await", "new", "return"] {
            #expect(out.contains(tok(.keyword, keyword)), "\(keyword)")
        }
        #expect(out.contains(tok(.comment, "// POST /create-payment-intent: returns the client secret")))
        // Verbatim: backslashes are literal and "" is a quote inside.
        #expect(out.contains(tok(.string, #"@"C:\stripe\new ""config""""#) + ";"))
        #expect(out.contains(tok(.string, "$\"Pay {amount} now\"")))
        #expect(out.contains(tok(.number, "2_000L")))
        #expect(out.contains(tok(.comment, "/* if this fails, return BadRequest */")))
        #expect(!out.contains(tok(.keyword, "if")))
        #expect(count(tok(.keyword, "return"), in: out) == 1)
    }

    @Test func yamlConfig() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.yaml, language: "yml"))
        #expect(out.hasPrefix(tok(.comment, "# Shop settings; true here is just a word")))
        #expect(out.contains(tok(.attribute, "shop") + ":"))
        #expect(out.contains(tok(.attribute, "title") + ": " + tok(.string, "'It''s open'") + "   " + tok(.comment, "# quoted with an escaped quote")))
        // The colon in a URL does not make a key, nor `#` inside it a comment.
        #expect(out.contains(tok(.attribute, "url") + ": https://example.test/shop#top\n"))
        #expect(out.contains(tok(.attribute, "tax-rate") + ": " + tok(.number, "0.2")))
        #expect(out.contains(tok(.attribute, "enabled") + ": " + tok(.keyword, "true")))
        // An apostrophe inside a plain scalar opens no string.
        #expect(out.contains(tok(.attribute, "note") + ": it's fine\n"))
        #expect(out.contains(tok(.attribute, "\"quoted key\"") + ": " + tok(.keyword, "null")))
        #expect(out.contains("- " + tok(.attribute, "name") + ": sepa_debit"))
        #expect(count(tok(.keyword, "true"), in: out) == 1)
    }

    @Test func jsonDocument() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.json, language: "json"))
        #expect(out.contains(tok(.attribute, "\"id\"") + ": " + tok(.string, "\"pi_123\"")))
        #expect(out.contains(tok(.attribute, "\"amount\"") + ": " + tok(.number, "2000")))
        #expect(out.contains("-" + tok(.number, "1.5e-3")))
        #expect(out.contains(tok(.keyword, "false")))
        #expect(out.contains(tok(.attribute, "\"note\"") + ": " + tok(.string, "\"true story\"")))
        #expect(out.contains(tok(.keyword, "null")))
        #expect(out.contains("[" + tok(.number, "1") + ", " + tok(.number, "2") + "]"))
        #expect(!out.contains(tok(.keyword, "true")))
    }

    @Test func htmlForm() throws {
        let out = try #require(SyntaxHighlighter.highlight(Self.html, language: "html"))
        #expect(out.contains("&lt;!" + tok(.tag, "DOCTYPE") + " " + tok(.attribute, "html") + "&gt;"))
        #expect(out.contains(tok(.comment, "<!-- checkout form: if you edit this, keep the id -->")))
        #expect(out.contains("&lt;" + tok(.tag, "form") + " " + tok(.attribute, "id") + "=" + tok(.string, "\"payment-form\"")))
        #expect(out.contains(tok(.attribute, "data-secret") + "=" + tok(.string, "'{{secret}}'")))
        #expect(out.contains(tok(.attribute, "novalidate") + " " + tok(.attribute, "class") + "=" + tok(.string, "wide") + "&gt;"))
        #expect(out.contains(tok(.attribute, "required") + "/&gt;"))
        #expect(out.contains("&gt;E-mail &amp;amp; name&lt;/" + tok(.tag, "label") + "&gt;"))
        #expect(out.contains("&lt;/" + tok(.tag, "form") + "&gt;"))
        // The script body is JavaScript: `< 2` and the markup in its string are not tags.
        #expect(out.contains(tok(.keyword, "const") + " amount = " + tok(.number, "1000")))
        #expect(out.contains("amount &lt; " + tok(.number, "2")))
        #expect(out.contains(tok(.string, "\"<b>for</b>\"")))
        #expect(!out.contains(tok(.tag, "b")))
        #expect(out.contains("&lt;/" + tok(.tag, "script") + "&gt;\n&lt;/" + tok(.tag, "form")))
    }

    @Test func xmlDeclaration() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-8"?><note priority="high"><to>Tove &lt;3</to></note>"#
        let out = try #require(SyntaxHighlighter.highlight(xml, language: "XML"))
        #expect(out.hasPrefix("&lt;?" + tok(.tag, "xml") + " " + tok(.attribute, "version") + "=" + tok(.string, "\"1.0\"")))
        #expect(out.contains(tok(.attribute, "priority") + "=" + tok(.string, "\"high\"")))
        #expect(out.contains("&gt;Tove &amp;lt;3&lt;/" + tok(.tag, "to") + "&gt;"))
    }

    // MARK: Keyword lists

    /// Breaking a keyword list fails here: each word alone must come out as a keyword,
    /// and a near miss must not.
    @Test(arguments: [
        ("sh", ["if", "then", "elif", "else", "fi", "for", "while", "do", "done", "case", "esac", "export", "local"]),
        ("ruby", ["def", "end", "class", "module", "if", "unless", "do", "nil", "self", "yield", "require", "rescue"]),
        ("python", ["def", "class", "return", "import", "from", "None", "True", "lambda", "with", "async", "await"]),
        ("javascript", ["const", "let", "var", "function", "return", "await", "async", "new", "null", "undefined", "typeof"]),
        ("php", ["function", "echo", "foreach", "array", "return", "new", "namespace", "use", "null", "fn"]),
        ("go", ["func", "package", "import", "defer", "go", "chan", "range", "struct", "nil", "type"]),
        ("java", ["public", "class", "static", "void", "new", "return", "throws", "final", "null", "record"]),
        ("csharp", ["using", "namespace", "public", "async", "await", "var", "string", "new", "null", "foreach"]),
        ("yaml", ["true", "false", "null"]),
        ("json", ["true", "false", "null"]),
    ])
    func keywordListsAreIntact(language: String, keywords: [String]) {
        for keyword in keywords {
            #expect(SyntaxHighlighter.highlight(keyword, language: language) == tok(.keyword, keyword), "\(language): \(keyword)")
            #expect(SyntaxHighlighter.highlight(keyword + "x", language: language) == keyword + "x", "\(language): \(keyword)x")
        }
    }

    // MARK: Names

    @Test func aliasesIgnoreCase() {
        let groups = [
            ["sh", "bash", "shell", "console", "curl", "BASH"],
            ["ruby", "rb", "Ruby"], ["python", "py", "PY"], ["javascript", "js", "node", "JS"],
            ["php", "PHP"], ["go", "Go"], ["java", "Java"], ["csharp", "cs", "c#", "dotnet", "C#"],
            ["html", "xml", "HTML"], ["yaml", "yml", "YAML"], ["json", "JSON"],
        ]
        let probe = "# if \"x\" $y @z /* 1 */ <a b='c'> key: 0x10"
        for group in groups {
            let expected = SyntaxHighlighter.highlight(probe, language: group[0])
            #expect(expected != nil)
            for alias in group.dropFirst() {
                #expect(SyntaxHighlighter.highlight(probe, language: alias) == expected, "\(alias)")
            }
        }
    }

    @Test(arguments: ["", "swift", "rust", "text", "plaintext", "c++", "typescript", "jsx", "almakit snippet"])
    func unknownLanguageGivesNil(language: String) {
        #expect(SyntaxHighlighter.highlight("let x = 1", language: language) == nil)
    }

    // MARK: Robustness

    @Test(arguments: [
        ("sh", "echo \"unclosed $HOME and more", tokLast: "<span class=\"tok-s\"> and more</span>"),
        ("sh", "echo ${UNCLOSED", tokLast: "<span class=\"tok-v\">${UNCLOSED</span>"),
        ("sh", "echo \"$(curl \"x", tokLast: "<span class=\"tok-s\">&quot;x</span>"),
        ("ruby", "puts 'never closed\nend", tokLast: "<span class=\"tok-s\">'never closed\nend</span>"),
        ("python", "x = \"\"\"doc\nstill doc", tokLast: "<span class=\"tok-s\">&quot;&quot;&quot;doc\nstill doc</span>"),
        ("javascript", "/* open comment\nconst x", tokLast: "<span class=\"tok-c\">/* open comment\nconst x</span>"),
        ("php", "$x = 'abc\n$y", tokLast: "<span class=\"tok-s\">'abc\n$y</span>"),
        ("go", "s := `raw\nmore", tokLast: "<span class=\"tok-s\">`raw\nmore</span>"),
        ("java", "/** doc", tokLast: "<span class=\"tok-c\">/** doc</span>"),
        ("csharp", "var p = @\"C:\\path\\", tokLast: "<span class=\"tok-s\">@&quot;C:\\path\\</span>"),
        ("yaml", "key: \"abc", tokLast: "<span class=\"tok-s\">&quot;abc</span>"),
        ("json", "{\"a\": \"abc\\", tokLast: "<span class=\"tok-s\">&quot;abc\\</span>"),
        ("html", "<p>x</p><!-- open", tokLast: "<span class=\"tok-c\">&lt;!-- open</span>"),
        ("html", "<a href=\"x", tokLast: "<span class=\"tok-s\">&quot;x</span>"),
        ("html", "<script>if (a) { \"x", tokLast: "<span class=\"tok-s\">&quot;x</span>"),
    ])
    func unterminatedRunsToTheEnd(language: String, code: String, tokLast: String) throws {
        let out = try #require(SyntaxHighlighter.highlight(code, language: language))
        #expect(out.hasSuffix(tokLast), "\(out)")
        #expect(Self.decode(out).text == code)
    }

    /// A single-line string stops at the line break, so one stray quote does not colour the rest.
    @Test func singleLineStringStopsAtLineBreak() {
        let out = SyntaxHighlighter.highlight("let s = \"abc\nlet t = 1", language: "js")
        #expect(out == tok(.keyword, "let") + " s = " + tok(.string, "\"abc") + "\n" + tok(.keyword, "let") + " t = " + tok(.number, "1"))
    }

    /// Stripping the spans and unescaping gives back the input exactly, spans never nest
    /// and are never empty, for samples, awkward inputs and ~500 random strings per language.
    @Test(arguments: languages)
    func roundTripsExactly(language: String) throws {
        var random = SplitMix64(seed: 0xA11A_C0DE + UInt64(Self.languages.firstIndex(of: language)!))
        var inputs = Self.samples.map(\.code) + Self.awkwardInputs
        for _ in 0..<500 {
            let length = Int(random.next() % 40)
            inputs.append((0..<length).map { _ in Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] }.joined())
        }
        for input in inputs {
            let out = try #require(SyntaxHighlighter.highlight(input, language: language))
            let decoded = Self.decode(out)
            #expect(decoded.text == input, "\(language): \(input.debugDescription) -> \(out.debugDescription)")
            #expect(decoded.wellFormed, "\(language): \(input.debugDescription) -> \(out.debugDescription)")
        }
    }

    static let alphabet = [
        "a", "Z", "q", "_", "0", "7", "x", "e", ".", " ", "  ", "\t", "\n", "\r\n", "\"", "'", "`", "\\",
        "#", "/", "*", "<", ">", "&", "$", "@", "{", "}", "(", ")", "=", ":", "-", "!", "?", ";", ",",
        "é", "€", "😀", "\u{301}", "\"\"\"", "'''", "/*", "*/", "//", "<!--", "-->", "${", "@\"", "$\"",
        "$(", "0x1F", "1_000", "2.5e-3", "if", "do", "end", "function", "true", "null", "key: ", "<script>",
        "</script>", "<style>", "<a href=", "&amp;", "&quot;",
    ]

    static let awkwardInputs = [
        "", "\"", "'", "`", "\\", "#", "/", "/*", "<", "<!--", "<a", "<a b=", "$", "${", "@", "@@", "0x", "1e",
        "1.", "\"\\", "'\\", "@\"", "$@\"", "\"\"\"", "'''", "\r\n", "é\u{301}", "\"\u{301}", "<\u{301}a>",
        "&\u{301}amp;", "😀\"😀\"", String(repeating: "\"\\", count: 2_000), String(repeating: "/*<!--", count: 500),
        String(repeating: "$", count: 1_000), "<script>" + String(repeating: "</scrip", count: 300),
    ]

    // MARK: Helpers

    /// A token as the highlighter writes it; `text` is raw and gets escaped here.
    func tok(_ kind: HighlightTokenKind, _ text: String) -> String {
        "<span class=\"tok-\(kind.rawValue)\">\(HTMLEscaping.text(text))</span>"
    }

    func count(_ needle: String, in haystack: String) -> Int {
        haystack.ranges(of: needle).count
    }

    /// Removes the spans and unescapes the four entities. Works on scalars, since a
    /// combining mark after `>` or `;` would otherwise merge into one Character with it.
    static func decode(_ html: String) -> (text: String, wellFormed: Bool) {
        let scalars = Array(html.unicodeScalars)
        let open = Array("<span class=\"tok-".unicodeScalars)
        let close = Array("</span>".unicodeScalars)
        let entities: [(String, Unicode.Scalar)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\"")]
        let kinds = Set(HighlightTokenKind.allCases.map(\.rawValue))
        func matches(_ marker: [Unicode.Scalar], at index: Int) -> Bool {
            index + marker.count <= scalars.count && Array(scalars[index..<index + marker.count]) == marker
        }
        var text = String.UnicodeScalarView()
        var wellFormed = true
        var inSpan = false
        var spanLength = 0
        var index = 0
        scanning: while index < scalars.count {
            if matches(open, at: index) {
                let kindStart = index + open.count
                guard let quote = scalars[kindStart...].firstIndex(of: "\""), matches(["\"", ">"], at: quote) else {
                    wellFormed = false
                    break scanning
                }
                wellFormed = wellFormed && !inSpan && kinds.contains(String(String.UnicodeScalarView(scalars[kindStart..<quote])))
                inSpan = true
                spanLength = 0
                index = quote + 2
                continue
            }
            if matches(close, at: index) {
                wellFormed = wellFormed && inSpan && spanLength > 0
                inSpan = false
                index += close.count
                continue
            }
            if let (entity, scalar) = entities.first(where: { matches(Array($0.0.unicodeScalars), at: index) }) {
                text.append(scalar)
                index += entity.unicodeScalars.count
            } else {
                text.append(scalars[index])
                index += 1
            }
            spanLength += 1
        }
        return (String(text), wellFormed && !inSpan)
    }

    /// A tiny seeded generator, so the random inputs are the same on every run.
    struct SplitMix64 {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
