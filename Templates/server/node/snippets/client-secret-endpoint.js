{{%CONTENT_TYPE: TEXT}}
app.get(CLIENT_SECRET_PATH, async (req, res) => {
  let intent;
  try {
    intent = await createAlmaPaymentIntent(stripe);
  } catch (error) {
    if (error instanceof AlmaUnavailable) {
      return res.status(502).json({error: {message: error.message}});
    }
    if (error instanceof Stripe.errors.StripeError) {
      console.error(`Stripe refused to create the PaymentIntent: ${error.code || error.type}`);
      return res.status(502).json({error: {message: error.message || 'The payment could not be prepared.'}});
    }
    throw error;
  }
  // Only the client secret goes to the browser, never the whole object.
  res.json({client_secret: intent.client_secret});
});
