{{%CONTENT_TYPE: TEXT}}
@app.post(WEBHOOK_PATH)
def webhook():
    if not WEBHOOK_SECRET:
        return error_response(500, "webhook_secret_missing", "STRIPE_WEBHOOK_SECRET is not set")
    try:
        # The signature covers the raw body: verify it before parsing anything.
        event = stripe.Webhook.construct_event(
            request.get_data(), request.headers.get("Stripe-Signature", ""), WEBHOOK_SECRET
        )
    except (ValueError, stripe.SignatureVerificationError):
        return error_response(400, "invalid_signature", "invalid signature")

    intent = event["data"]["object"]
    if event["type"] == "payment_intent.succeeded":
        # FULFIL THE ORDER HERE: the payment is complete. Stripe may send an
        # event more than once, so record intent["id"] and fulfil only once.
        app.logger.info("PaymentIntent %s succeeded", intent["id"])
    elif event["type"] == "payment_intent.payment_failed":
        # The customer was refused or gave up at Alma: release the order.
        app.logger.info("PaymentIntent %s failed", intent["id"])
    elif event["type"] == "payment_intent.amount_capturable_updated":
        # Only with manual capture: the payment is authorized; capture it to fulfil.
        app.logger.info("PaymentIntent %s is ready to capture", intent["id"])
    return jsonify(received=True)
