{{%CONTENT_TYPE: TEXT}}
# POST {{checkout_path}}: the checkout form, when Stripe.js cannot run. The
# server creates and confirms the PaymentIntent itself and sends the customer
# straight to Alma.
post CHECKOUT_PATH do
  lang = site_language(params["lang"])
  product_id, problem = find_product(params["product"])
  payment_error_page(lang, problem == :missing_product ? 400 : 404) if problem
  begin
    intent = STRIPE_CLIENT.v1.payment_intents.create(
      {
        amount: PRODUCTS.fetch(product_id),
        currency: CURRENCY,
        # Stripe API {{api_version}} restricts payment methods with this parameter.
        {{restriction_parameter}}: ["{{payment_method}}"],
        metadata: { product_id: product_id },
        # Confirmed at once, with Alma: Stripe answers with the address of Alma's page.
        confirm: true,
        payment_method_data: { type: "{{payment_method}}" },
        # Absolute, from the configured base: Alma sends the customer back here.
        return_url: "#{SITE_BASE_URL}#{CHECKOUT_RETURN_PATH}?lang=#{lang}",
      },
      # A fresh key per attempt: a retried request can't create a second PaymentIntent.
      { idempotency_key: SecureRandom.uuid }
    )
  rescue Stripe::StripeError => e
    # The detail (an unreachable network, Stripe's own message) is for the log only.
    logger.error "Stripe could not create the PaymentIntent: #{e.class}: #{e.message}"
    payment_error_page(lang, 502)
  end
  next_action = intent.next_action
  if intent.status == "requires_action" && next_action&.type == "redirect_to_url" &&
     intent.payment_method_types.include?("{{payment_method}}")
    # 303: the browser follows with a GET, and never posts the form again.
    redirect next_action.redirect_to_url.url, 303
  end
  logger.error "PaymentIntent #{intent.id} has no redirect to Alma (status #{intent.status}): check that " \
               "the amount is between {{amount_minimum_text}} and {{amount_maximum_text}} and that Alma is enabled on the Stripe account."
  payment_error_page(lang, 502)
end
