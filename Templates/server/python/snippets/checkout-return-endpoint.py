{{%CONTENT_TYPE: TEXT}}
def retrieve_payment_intent(client, intent_id):
    return {{python_payment_intents}}.retrieve(intent_id)


@app.get(CHECKOUT_RETURN_PATH)
def checkout_return():
    """Where Alma sends the customer back: asks Stripe for the PaymentIntent's
    status and sends the customer on to the return page, which shows it
    without JavaScript (#status-...). It fulfils nothing: the webhook does."""
    language = requested_language(request.args.get("lang", ""))
    intent_id = request.args.get("payment_intent", "")
    secret = request.args.get("payment_intent_client_secret", "")
    status = "unknown"
    matched = False
    if PAYMENT_INTENT_ID.fullmatch(intent_id) and secret.startswith(intent_id + "_secret_"):
        try:
            intent = retrieve_payment_intent(stripe_client, intent_id)
            # The client secret proves that the address comes from this payment's redirect.
            matched = hmac.compare_digest((getattr(intent, "client_secret", None) or "").encode(), secret.encode())
            if matched and intent.status in SHOWN_STATUSES:
                status = intent.status
        except stripe.StripeError as problem:
            app.logger.error("Stripe could not retrieve PaymentIntent %s: %s: %s", intent_id, type(problem).__name__, problem)
    page = RETURN_PAGES[language]
    if matched:
        # With JavaScript, the page asks Stripe itself with these.
        query = urlencode({"payment_intent": intent_id, "payment_intent_client_secret": secret})
        page += ("&" if "?" in page else "?") + query
    return with_security_headers(redirect(f"{page}#status-{status}", code=303))
