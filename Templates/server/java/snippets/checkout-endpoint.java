{{%CONTENT_TYPE: TEXT}}
/**
 * POST {{checkout_path}}: the checkout form, when Stripe.js cannot run. The server creates and
 * confirms the PaymentIntent itself and sends the customer straight to Alma.
 */
void answerCheckout(HttpExchange exchange) throws IOException {
  if (!exchange.getRequestMethod().equals("POST")) {
    sendJson(exchange, 405, errorJson("method_not_allowed", "use POST"));
    return;
  }
  Map<String, String> form = formFields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  String lang = siteLanguage(form.get("lang"));
  String productId = requestedProduct(form.get("product"));
  String refusal = productRefusal(productId);
  if (refusal != null) {
    sendPaymentErrorPage(exchange, lang, refusalStatus(refusal));
    return;
  }
  PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
      .setAmount(PRODUCTS.get(productId))
      .setCurrency(CURRENCY)
      // Stripe API release {{api_release}} restricts payment methods with {{restriction_parameter}}.
      {{{java_alma_restriction}}}
      .putMetadata("product_id", productId)
      // Confirmed at once, with Alma: Stripe answers with the address of Alma's page.
      .setConfirm(true)
      .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
          .setType(PaymentIntentCreateParams.PaymentMethodData.Type.ALMA)
          .build())
      // Absolute, from the configured base: Alma sends the customer back here.
      .setReturnUrl(siteBaseUrl + CHECKOUT_RETURN_PATH + "?lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8))
      .build();
  RequestOptions options = RequestOptions.builder()
      .setApiKey(secretKey)
      // A fresh key per attempt: a retried request can't create a second PaymentIntent.
      .setIdempotencyKey(UUID.randomUUID().toString())
      .build();
  PaymentIntent intent;
  try {
    intent = PaymentIntent.create(params, options);
  } catch (StripeException problem) {
    // The detail (an unreachable network, Stripe's own message) is for the log only.
    LOG.severe("Stripe could not create the PaymentIntent: " + problem);
    sendPaymentErrorPage(exchange, lang, 502);
    return;
  }
  var next = intent.getNextAction();
  if ("requires_action".equals(intent.getStatus()) && next != null && "redirect_to_url".equals(next.getType())
      && next.getRedirectToUrl() != null && intent.getPaymentMethodTypes().contains("{{payment_method}}")) {
    redirectSeeOther(exchange, next.getRedirectToUrl().getUrl());
    return;
  }
  LOG.severe("PaymentIntent " + intent.getId() + " has no redirect to Alma (status " + intent.getStatus() + "): "
      + new AlmaUnavailableException().getMessage());
  sendPaymentErrorPage(exchange, lang, 502);
}
