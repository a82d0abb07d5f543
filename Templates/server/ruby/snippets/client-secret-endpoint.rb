{{%CONTENT_TYPE: TEXT}}
get CLIENT_SECRET_PATH do
  content_type :json
  begin
    intent = create_alma_payment_intent(STRIPE_CLIENT)
  rescue AlmaUnavailable => e
    halt 502, { error: { message: e.message } }.to_json
  rescue Stripe::StripeError => e
    logger.error "Stripe refused to create the PaymentIntent: #{e.code || e.class}"
    halt 502, { error: { message: e.message || "The payment could not be prepared." } }.to_json
  end
  # Only the client secret goes to the browser, never the whole object.
  { client_secret: intent.client_secret }.to_json
end
