{{%CONTENT_TYPE: TEXT}}
@app.get(CLIENT_SECRET_PATH)
def client_secret():
    try:
        product_id = requested_product(request.args.get("product", ""))
    except ProductError as problem:
        return error_response(problem.status, problem.code, problem.message)
    try:
        intent = create_alma_payment_intent(stripe_client, product_id)
    except AlmaUnavailable as problem:
        app.logger.error("%s", problem)
        return error_response(502, "alma_unavailable", "Alma is not available for this payment.")
    except stripe.StripeError as problem:
        # The detail (an unreachable network, Stripe's own message) is for the log only.
        app.logger.error("Stripe could not create the PaymentIntent: %s: %s", type(problem).__name__, problem)
        return error_response(502, "stripe_error", "The payment could not be prepared. Please try again.")
    # Only the client secret goes to the browser, never the whole object.
    return jsonify(client_secret=intent.client_secret)
