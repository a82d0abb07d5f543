{{%CONTENT_TYPE: TEXT}}
# GET {{client_secret_path}}?product=<id>: the client secret of a new PaymentIntent for that product.
get CLIENT_SECRET_PATH do
  content_type :json
  product_id, problem = find_product(params["product"])
  halt 400, error_json("missing_product", "Say which product to pay for: ?product=<id>.") if problem == :missing_product
  halt 404, error_json("unknown_product", "This product is not sold here.") if problem == :unknown_product
  begin
    intent = create_alma_payment_intent(STRIPE_CLIENT, product_id)
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
