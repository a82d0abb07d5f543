{{%CONTENT_TYPE: TEXT}}
post WEBHOOK_PATH do
  content_type :json
  halt 500, error_json("webhook_secret_missing", "STRIPE_WEBHOOK_SECRET is not set") if WEBHOOK_SECRET.empty?
  begin
    # The signature covers the raw body: verify it before parsing anything.
    event = Stripe::Webhook.construct_event(
      request.body.read, request.env.fetch("HTTP_STRIPE_SIGNATURE", ""), WEBHOOK_SECRET
    )
  rescue JSON::ParserError, Stripe::SignatureVerificationError
    halt 400, error_json("invalid_signature", "invalid signature")
  end
  intent = event.data.object
  case event.type
  when "payment_intent.succeeded"
    # FULFIL THE ORDER HERE: the payment is complete. Stripe may send an
    # event more than once, so record intent.id and fulfil only once.
    logger.info "PaymentIntent #{intent.id} succeeded"
  when "payment_intent.payment_failed"
    # The customer was refused or gave up at Alma: release the order.
    logger.info "PaymentIntent #{intent.id} failed"
  when "payment_intent.amount_capturable_updated"
    # Only with manual capture: the payment is authorized; capture it to fulfil.
    logger.info "PaymentIntent #{intent.id} is ready to capture"
  end
  { received: true }.to_json
end
