{{%CONTENT_TYPE: TEXT}}
/** GET {{client_secret_path}}: answers {"client_secret": "..."} for the checkout page. */
void answerClientSecret(HttpExchange exchange) throws IOException {
  if (!exchange.getRequestMethod().equals("GET")) {
    sendJson(exchange, 405, errorJson("use GET"));
    return;
  }
  try {
    PaymentIntent intent = createAlmaPaymentIntent();
    // Only the client secret goes to the browser, never the whole object.
    sendJson(exchange, 200, "{\"client_secret\":" + jsonString(intent.getClientSecret()) + "}");
  } catch (AlmaUnavailableException problem) {
    sendJson(exchange, 502, errorJson(problem.getMessage()));
  } catch (StripeException problem) {
    LOG.severe("Stripe refused to create the PaymentIntent: " + problem.getCode());
    String message = problem.getStripeError() != null ? problem.getStripeError().getMessage() : null;
    sendJson(exchange, 502, errorJson(message != null ? message : "The payment could not be prepared."));
  }
}
