{{%CONTENT_TYPE: TEXT}}
get CLIENT_SECRET_PATH do
  content_type :json
  begin
    intent = create_alma_payment_intent(STRIPE_CLIENT)
  rescue AlmaUnavailable => e
    logger.error e.message
    halt 502, error_json("alma_unavailable", "Alma is not available for this payment.")
  rescue Stripe::StripeError => e
    # The detail (an unreachable network, Stripe's own message) is for the log only.
    logger.error "Stripe could not create the PaymentIntent: #{e.class}: #{e.message}"
    halt 502, error_json("stripe_error", "The payment could not be prepared. Please try again.")
  end
  # Only the client secret goes to the browser, never the whole object.
  { client_secret: intent.client_secret }.to_json
end
