{{%CONTENT_TYPE: TEXT}}
def create_alma_payment_intent(client):
    """Creates the PaymentIntent with the server's own amount, restricted to Alma."""
    intent = {{python_payment_intents}}.create(
        params={
            "amount": AMOUNT,
            "currency": CURRENCY,
            # Stripe API {{api_version}} restricts payment methods with this parameter.
            "{{restriction_parameter}}": ["{{payment_method}}"],
        },
        # A fresh key per attempt: a retried request can't create a second PaymentIntent.
        options={"idempotency_key": str(uuid.uuid4())},
    )
    if "{{payment_method}}" not in intent.payment_method_types:
        raise AlmaUnavailable(
            "Alma is not available for this PaymentIntent: check that the amount is "
            "between {{amount_minimum_text}} and {{amount_maximum_text}} and that Alma is enabled on the Stripe account."
        )
    return intent
