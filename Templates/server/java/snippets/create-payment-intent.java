{{%CONTENT_TYPE: TEXT}}
/** Creates the PaymentIntent for a product of the catalogue, at the server's own price, restricted to Alma. */
PaymentIntent createAlmaPaymentIntent(String productId) throws StripeException, AlmaUnavailableException {
  PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
      .setAmount(PRODUCTS.get(productId))
      .setCurrency(CURRENCY)
      // Stripe API release {{api_release}} restricts payment methods with {{restriction_parameter}}.
      {{{java_alma_restriction}}}
      // The webhook reads which product was paid for here.
      .putMetadata("product_id", productId)
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
