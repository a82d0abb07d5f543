{{%CONTENT_TYPE: TEXT}}
// GET {{checkout_return_path}}: where Alma sends the customer back. Stripe
// adds the PaymentIntent's id and client secret; the status shown comes from
// Stripe itself, never from the address (redirect_status can be typed by anyone).
app.get(CHECKOUT_RETURN_PATH, handleAsync(async (req, res) => {
  const lang = siteLanguage(req.query.lang);
  const intentId = typeof req.query.payment_intent === 'string' ? req.query.payment_intent : '';
  const clientSecret = typeof req.query.payment_intent_client_secret === 'string'
    ? req.query.payment_intent_client_secret : '';
  let status = 'unknown';
  let query = '';
  // Only an address carrying this intent's secret is worth asking Stripe about.
  if (/^pi_[A-Za-z0-9]+$/.test(intentId) && clientSecret.startsWith(`${intentId}_secret_`)) {
    try {
      const intent = await stripe.paymentIntents.retrieve(intentId);
      // The client secret proves the customer holds this payment: the id alone does not.
      const expected = Buffer.from(intent.client_secret || '');
      const given = Buffer.from(clientSecret);
      if (expected.length === given.length && crypto.timingSafeEqual(expected, given)) {
        status = RETURN_STATUSES.has(intent.status) ? intent.status : 'unknown';
        query = new URLSearchParams({payment_intent: intentId, payment_intent_client_secret: clientSecret}).toString();
      }
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeError)) {
        throw error;
      }
      console.error(`Stripe could not retrieve PaymentIntent ${intentId}: ${error.type}: ${error.message}`);
    }
  }
  let page = LANGUAGES.get(lang);
  if (query) {
    page += (page.includes('?') ? '&' : '?') + query;
  }
  // The return page shows the block #status-<status> even without JavaScript.
  res.redirect(303, `${page}#status-${status}`);
}));
