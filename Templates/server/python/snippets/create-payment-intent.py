{{%CONTENT_TYPE: TEXT}}
def create_alma_payment_intent(client, product_id, **confirmation):
    """Creates the PaymentIntent for a product of the catalogue, at the
    catalogue's amount, restricted to Alma. `confirmation` adds what confirms
    it at once (the checkout that works without JavaScript)."""
    intent = {{python_payment_intents}}.create(
        params={
            "amount": PRODUCTS[product_id],
            "currency": CURRENCY,
            # Stripe API {{api_version}} restricts payment methods with this parameter.
            "{{restriction_parameter}}": ["{{payment_method}}"],
            # What was sold, for the webhook and the Dashboard.
            "metadata": {"product_id": product_id},
            **confirmation,
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
