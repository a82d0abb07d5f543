{{%CONTENT_TYPE: TEXT}}
@app.get(CLIENT_SECRET_PATH)
def client_secret():
    try:
        intent = create_alma_payment_intent(stripe_client)
    except AlmaUnavailable as problem:
        return jsonify(error={"message": str(problem)}), 502
    except stripe.StripeError as problem:
        app.logger.error("Stripe refused to create the PaymentIntent: %s", problem.user_message or problem.code)
        return jsonify(error={"message": problem.user_message or "The payment could not be prepared."}), 502
    # Only the client secret goes to the browser, never the whole object.
    return jsonify(client_secret=intent.client_secret)
