{{%CONTENT_TYPE: TEXT}}
/** GET {{client_secret_path}}: answers {"client_secret": "..."} for the checkout page. */
void answerClientSecret(HttpExchange exchange) throws IOException {
  if (!exchange.getRequestMethod().equals("GET")) {
    sendJson(exchange, 405, errorJson("method_not_allowed", "use GET"));
    return;
  }
  try {
    PaymentIntent intent = createAlmaPaymentIntent();
    // Only the client secret goes to the browser, never the whole object.
    sendJson(exchange, 200, "{\"client_secret\":" + jsonString(intent.getClientSecret()) + "}");
  } catch (AlmaUnavailableException problem) {
    LOG.severe(problem.getMessage());
    sendJson(exchange, 502, errorJson("alma_unavailable", "Alma is not available for this payment."));
  } catch (StripeException problem) {
    // The detail (an unreachable network, Stripe's own message) is for the log only.
    LOG.severe("Stripe could not create the PaymentIntent: " + problem);
    sendJson(exchange, 502, errorJson("stripe_error", "The payment could not be prepared. Please try again."));
  }
}
