{{%CONTENT_TYPE: TEXT}}
// Creates the PaymentIntent with the server's own amount, restricted to Alma.
async function createAlmaPaymentIntent(client) {
  const intent = await client.paymentIntents.create(
    {
      amount: AMOUNT,
      currency: CURRENCY,
      // Stripe API {{api_version}} restricts payment methods with this parameter.
      {{restriction_parameter}}: ['{{payment_method}}'],
    },
    // A fresh key per attempt: a retried request can't create a second PaymentIntent.
    {idempotencyKey: crypto.randomUUID()}
  );
  if (!intent.payment_method_types.includes('{{payment_method}}')) {
    throw new AlmaUnavailable(
      'Alma is not available for this PaymentIntent: check that the amount is ' +
        'between {{amount_minimum_text}} and {{amount_maximum_text}} and that Alma is enabled on the Stripe account.'
    );
  }
  return intent;
}
