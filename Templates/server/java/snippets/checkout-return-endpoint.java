{{%CONTENT_TYPE: TEXT}}
/**
 * GET {{checkout_return_path}}: where Alma sends the customer back. Stripe adds the PaymentIntent's
 * id and client secret; the status shown comes from Stripe itself, never from the address
 * (redirect_status can be typed by anyone).
 */
void answerCheckoutReturn(HttpExchange exchange) throws IOException {
  if (!exchange.getRequestMethod().equals("GET")) {
    sendJson(exchange, 405, errorJson("method_not_allowed", "use GET"));
    return;
  }
  Map<String, String> query = formFields(exchange.getRequestURI().getRawQuery());
  String lang = siteLanguage(query.get("lang"));
  String intentId = query.getOrDefault("payment_intent", "");
  String clientSecret = query.getOrDefault("payment_intent_client_secret", "");
  String status = "unknown";
  String kept = "";
  // Only an address carrying this intent's secret is worth asking Stripe about.
  if (intentId.matches("pi_[A-Za-z0-9]+") && clientSecret.startsWith(intentId + "_secret_")) {
    try {
      PaymentIntent intent = PaymentIntent.retrieve(intentId, RequestOptions.builder().setApiKey(secretKey).build());
      // The client secret proves the customer holds this payment: the id alone does not.
      String expected = intent.getClientSecret() == null ? "" : intent.getClientSecret();
      if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8))) {
        status = RETURN_STATUSES.contains(intent.getStatus()) ? intent.getStatus() : "unknown";
        kept = "payment_intent=" + URLEncoder.encode(intentId, StandardCharsets.UTF_8)
            + "&payment_intent_client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
      }
    } catch (StripeException problem) {
      LOG.severe("Stripe could not retrieve PaymentIntent " + intentId + ": " + problem);
    }
  }
  String page = LANGUAGES.get(lang);
  if (!kept.isEmpty()) {
    page += (page.contains("?") ? "&" : "?") + kept;
  }
  // The return page shows the block #status-<status> even without JavaScript.
  redirectSeeOther(exchange, page + "#status-" + status);
}
