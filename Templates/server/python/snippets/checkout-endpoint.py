{{%CONTENT_TYPE: TEXT}}
@app.post(CHECKOUT_PATH)
def checkout():
    """The checkout form, posted when Stripe.js cannot run (JavaScript off, a
    blocked script): creates and confirms the PaymentIntent in one call, then
    sends the customer to Alma."""
    language = requested_language(request.form.get("lang", ""))
    try:
        product_id = requested_product(request.form.get("product", ""))
    except ProductError as problem:
        return payment_error_page(language, problem.status)
    try:
        intent = create_alma_payment_intent(
            stripe_client, product_id,
            confirm=True,
            payment_method_data={"type": "{{payment_method}}"},
            # Absolute, from the site's address: never from the request's Host header.
            return_url=f"{SITE_BASE_URL}{CHECKOUT_RETURN_PATH}?{urlencode({'lang': language})}",
        )
    except (AlmaUnavailable, stripe.StripeError) as problem:
        # The detail is for the log only; the customer gets the site's own page.
        app.logger.error("The PaymentIntent could not be confirmed: %s: %s", type(problem).__name__, problem)
        return payment_error_page(language, 502)
    action = getattr(intent, "next_action", None)
    if intent.status != "requires_action" or not action or action.type != "redirect_to_url":
        app.logger.error("PaymentIntent %s has status %s and no redirect to Alma", intent.id, intent.status)
        return payment_error_page(language, 502)
    # 303: the browser follows with a GET, and never posts the form again.
    return with_security_headers(redirect(action.redirect_to_url.url, code=303))
