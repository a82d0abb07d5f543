{{%CONTENT_TYPE: TEXT}}
# Creates the PaymentIntent with the server's own amount, restricted to Alma.
def create_alma_payment_intent(client)
  intent = client.v1.payment_intents.create(
    {
      amount: AMOUNT,
      currency: CURRENCY,
      # Stripe API {{api_version}} restricts payment methods with this parameter.
      {{restriction_parameter}}: ["{{payment_method}}"],
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
