{{%CONTENT_TYPE: TEXT}}
# GET {{checkout_return_path}}: where Alma sends the customer back. Stripe adds
# the PaymentIntent's id and client secret; the status shown comes from Stripe
# itself, never from the address (redirect_status can be typed by anyone).
get CHECKOUT_RETURN_PATH do
  lang = site_language(params["lang"])
  intent_id = params["payment_intent"].to_s
  client_secret = params["payment_intent_client_secret"].to_s
  status = "unknown"
  query = ""
  # Only an address carrying this intent's secret is worth asking Stripe about.
  if intent_id.match?(/\Api_[A-Za-z0-9]+\z/) && client_secret.start_with?("#{intent_id}_secret_")
    begin
      intent = STRIPE_CLIENT.v1.payment_intents.retrieve(intent_id)
      # The client secret proves the customer holds this payment: the id alone does not.
      if Rack::Utils.secure_compare(intent.client_secret.to_s, client_secret)
        status = intent.status if RETURN_STATUSES.include?(intent.status)
        query = URI.encode_www_form(payment_intent: intent_id, payment_intent_client_secret: client_secret)
      end
    rescue Stripe::StripeError => e
      logger.error "Stripe could not retrieve PaymentIntent #{intent_id}: #{e.class}: #{e.message}"
    end
  end
  page = LANGUAGES.fetch(lang)
  page += (page.include?("?") ? "&" : "?") + query unless query.empty?
  # The return page shows the block #status-<status> even without JavaScript.
  redirect "#{page}#status-#{status}", 303
end
