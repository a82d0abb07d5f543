{{%CONTENT_TYPE: TEXT}}
// GET {{client_secret_path}}?product=<id>: the client secret of a new PaymentIntent for that product.
app.get(CLIENT_SECRET_PATH, handleAsync(async (req, res) => {
  const {productId, problem} = findProduct(req.query.product);
  if (problem === 'missing_product') {
    return sendError(res, 400, problem, 'Say which product to pay for: ?product=<id>.');
  }
  if (problem === 'unknown_product') {
    return sendError(res, 404, problem, 'This product is not sold here.');
  }
  let intent;
  try {
    intent = await createAlmaPaymentIntent(stripe, productId);
  } catch (error) {
    if (error instanceof AlmaUnavailable) {
      console.error(error.message);
      return sendError(res, 502, 'alma_unavailable', 'Alma is not available for this payment.');
    }
    if (error instanceof Stripe.errors.StripeError) {
      // The detail (an unreachable network, Stripe's own message) is for the log only.
      console.error(`Stripe could not create the PaymentIntent: ${error.type}: ${error.message}`);
      return sendError(res, 502, 'stripe_error', 'The payment could not be prepared. Please try again.');
    }
    throw error;
  }
  // Only the client secret goes to the browser, never the whole object.
  res.json({client_secret: intent.client_secret});
}));
