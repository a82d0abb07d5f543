{{%CONTENT_TYPE: TEXT}}
// The signature covers the raw body: this route reads it unparsed.
app.post(WEBHOOK_PATH, express.raw({type: '*/*'}), (req, res) => {
  if (!WEBHOOK_SECRET) {
    return sendError(res, 500, 'webhook_secret_missing', 'STRIPE_WEBHOOK_SECRET is not set');
  }
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.get('Stripe-Signature') || '', WEBHOOK_SECRET);
  } catch (error) {
    return sendError(res, 400, 'invalid_signature', 'invalid signature');
  }

  const intent = event.data.object;
  switch (event.type) {
    case 'payment_intent.succeeded':
      // FULFIL THE ORDER HERE: the payment is complete. Stripe may send an
      // event more than once, so record intent.id and fulfil only once.
      console.log(`PaymentIntent ${intent.id} succeeded`);
      break;
    case 'payment_intent.payment_failed':
      // The customer was refused or gave up at Alma: release the order.
      console.log(`PaymentIntent ${intent.id} failed`);
      break;
    case 'payment_intent.amount_capturable_updated':
      // Only with manual capture: the payment is authorized; capture it to fulfil.
      console.log(`PaymentIntent ${intent.id} is ready to capture`);
      break;
  }
  res.json({received: true});
});
