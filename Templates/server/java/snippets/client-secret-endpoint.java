{{%CONTENT_TYPE: TEXT}}
/** GET {{client_secret_path}}?product=&lt;id&gt;: answers {"client_secret": "..."} for that product. */
void answerClientSecret(HttpExchange exchange) throws IOException {
  if (!exchange.getRequestMethod().equals("GET")) {
    sendJson(exchange, 405, errorJson("method_not_allowed", "use GET"));
    return;
  }
  String productId = requestedProduct(formFields(exchange.getRequestURI().getRawQuery()).get("product"));
  String refusal = productRefusal(productId);
  if (refusal != null) {
    sendJson(exchange, refusalStatus(refusal), errorJson(refusal, refusal.equals("missing_product")
        ? "Say which product to pay for: ?product=<id>." : "This product is not sold here."));
    return;
  }
  try {
    PaymentIntent intent = createAlmaPaymentIntent(productId);
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
