{{%CONTENT_TYPE: TEXT}}
/** POST {{webhook_path}}: verifies the event's signature, then acts on it. */
void answerWebhook(HttpExchange exchange) throws IOException {
  if (!exchange.getRequestMethod().equals("POST")) {
    sendJson(exchange, 405, errorJson("method_not_allowed", "use POST"));
    return;
  }
  if (webhookSecret.isEmpty()) {
    sendJson(exchange, 500, errorJson("webhook_secret_missing", "STRIPE_WEBHOOK_SECRET is not set"));
    return;
  }
  String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  String signature = exchange.getRequestHeaders().getFirst("Stripe-Signature");
  Event event;
  try {
    if (signature == null) {
      // Webhook.constructEvent throws a NullPointerException on a missing header.
      throw new SignatureVerificationException("no Stripe-Signature header", null);
    }
    // The signature covers the raw body: verify it before parsing anything.
    event = Webhook.constructEvent(payload, signature, webhookSecret);
  } catch (SignatureVerificationException | RuntimeException problem) {
    // A garbled header or body makes stripe-java throw unchecked exceptions too.
    sendJson(exchange, 400, errorJson("invalid_signature", "invalid signature"));
    return;
  }
  // Read the id from the verified payload itself: the event's API version may
  // differ from stripe-java's, and then its typed object would be empty. Only
  // PaymentIntent events are read: others (balance.available) may have no id.
  String intentId = event.getType().startsWith("payment_intent.")
      ? JsonParser.parseString(payload).getAsJsonObject()
          .getAsJsonObject("data").getAsJsonObject("object").get("id").getAsString()
      : "";
  switch (event.getType()) {
    case "payment_intent.succeeded" ->
        // FULFIL THE ORDER HERE: the payment is complete. Stripe may send an
        // event more than once, so record intentId and fulfil only once.
        LOG.info("PaymentIntent " + intentId + " succeeded");
    case "payment_intent.payment_failed" ->
        // The customer was refused or gave up at Alma: release the order.
        LOG.info("PaymentIntent " + intentId + " failed");
    case "payment_intent.amount_capturable_updated" ->
        // Only with manual capture: the payment is authorized; capture it to fulfil.
        LOG.info("PaymentIntent " + intentId + " is ready to capture");
    default -> { }
  }
  sendJson(exchange, 200, "{\"received\":true}");
}
