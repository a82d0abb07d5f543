{{%CONTENT_TYPE: TEXT}}
// POST {{checkout_path}}: the checkout form, when Stripe.js cannot run. The
// server creates and confirms the PaymentIntent itself and sends the customer
// straight to Alma.
app.post(CHECKOUT_PATH, express.urlencoded({extended: false}), handleAsync(async (req, res) => {
  const lang = siteLanguage(req.body.lang);
  const {productId, problem} = findProduct(req.body.product);
  if (problem) {
    return sendPaymentErrorPage(res, lang, problem === 'missing_product' ? 400 : 404);
  }
  let intent;
  try {
    intent = await stripe.paymentIntents.create(
      {
        amount: PRODUCTS.get(productId),
        currency: CURRENCY,
        // Stripe API {{api_version}} restricts payment methods with this parameter.
        {{restriction_parameter}}: ['{{payment_method}}'],
        metadata: {product_id: productId},
        // Confirmed at once, with Alma: Stripe answers with the address of Alma's page.
        confirm: true,
        payment_method_data: {type: '{{payment_method}}'},
        // Absolute, from the configured base: Alma sends the customer back here.
        return_url: `${SITE_BASE_URL}${CHECKOUT_RETURN_PATH}?lang=${lang}`,
      },
      // A fresh key per attempt: a retried request can't create a second PaymentIntent.
      {idempotencyKey: crypto.randomUUID()}
    );
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) {
      throw error;
    }
    // The detail (an unreachable network, Stripe's own message) is for the log only.
    console.error(`Stripe could not create the PaymentIntent: ${error.type}: ${error.message}`);
    return sendPaymentErrorPage(res, lang, 502);
  }
  const nextAction = intent.next_action;
  if (intent.status === 'requires_action' && nextAction && nextAction.type === 'redirect_to_url' &&
      intent.payment_method_types.includes('{{payment_method}}')) {
    // 303: the browser follows with a GET, and never posts the form again.
    return res.redirect(303, nextAction.redirect_to_url.url);
  }
  console.error(
    `PaymentIntent ${intent.id} has no redirect to Alma (status ${intent.status}): check that the amount is ` +
      'between {{amount_minimum_text}} and {{amount_maximum_text}} and that Alma is enabled on the Stripe account.'
  );
  sendPaymentErrorPage(res, lang, 502);
}));
