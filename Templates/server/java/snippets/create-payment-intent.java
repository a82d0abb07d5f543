{{%CONTENT_TYPE: TEXT}}
/** Creates the PaymentIntent with the server's own amount, restricted to Alma. */
PaymentIntent createAlmaPaymentIntent() throws StripeException, AlmaUnavailableException {
  PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
      .setAmount(AMOUNT)
      .setCurrency(CURRENCY)
      // Stripe API release {{api_release}} restricts payment methods with {{restriction_parameter}}.
      {{{java_alma_restriction}}}
      .build();
  RequestOptions options = RequestOptions.builder()
      .setApiKey(secretKey)
      // A fresh key per attempt: a retried request can't create a second PaymentIntent.
      .setIdempotencyKey(UUID.randomUUID().toString())
      .build();
  PaymentIntent intent = PaymentIntent.create(params, options);
  if (!intent.getPaymentMethodTypes().contains("{{payment_method}}")) {
    throw new AlmaUnavailableException();
  }
  return intent;
}
