{{%CONTENT_TYPE: TEXT}}
# Creates the PaymentIntent for a product of the catalogue, at the server's own
# price, restricted to Alma.
def create_alma_payment_intent(client, product_id)
  intent = client.v1.payment_intents.create(
    {
      amount: PRODUCTS.fetch(product_id),
      currency: CURRENCY,
      # Stripe API {{api_version}} restricts payment methods with this parameter.
      {{restriction_parameter}}: ["{{payment_method}}"],
      # The webhook reads which product was paid for here.
      metadata: { product_id: product_id },
    },
    # A fresh key per attempt: a retried request can't create a second PaymentIntent.
    { idempotency_key: SecureRandom.uuid }
  )
  unless intent.payment_method_types.include?("{{payment_method}}")
    raise AlmaUnavailable, "Alma is not available for this PaymentIntent: check that the amount is " \
                           "between {{amount_minimum_text}} and {{amount_maximum_text}} and that Alma is enabled on the Stripe account."
  end
  intent
end
