{{%CONTENT_TYPE: TEXT}}
// checkoutHandler answers POST {{checkout_path}}: the checkout form, when
// Stripe.js cannot run. The server creates and confirms the PaymentIntent
// itself and sends the customer straight to Alma.
func checkoutHandler(client *stripe.Client, siteDir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		lang := languageNamed(r.PostFormValue("lang"))
		item, err := findProduct(r.PostFormValue("product"))
		if err != nil {
			status := http.StatusNotFound
			if errors.Is(err, errMissingProduct) {
				status = http.StatusBadRequest
			}
			sendPaymentErrorPage(w, siteDir, lang.code, status)
			return
		}
		params := &stripe.PaymentIntentCreateParams{
			Amount:   stripe.Int64(item.amount),
			Currency: stripe.String(currency),
			Metadata: map[string]string{"product_id": item.id},
			// Confirmed at once, with Alma: Stripe answers with the address of Alma's page.
			Confirm: stripe.Bool(true),
			PaymentMethodData: &stripe.PaymentIntentCreatePaymentMethodDataParams{
				Type: stripe.String("{{payment_method}}"),
			},
			// Absolute, from the configured base: Alma sends the customer back here.
			ReturnURL: stripe.String(siteBaseURL() + checkoutReturnPath + "?lang=" + url.QueryEscape(lang.code)),
			// Stripe API release {{api_release}} restricts payment methods with {{restriction_parameter}}.
			{{go_restriction_field}}: stripe.StringSlice([]string{"{{payment_method}}"}),
		}
		// A fresh key per attempt: a retried request can't create a second PaymentIntent.
		params.SetIdempotencyKey(newIdempotencyKey())
		intent, err := client.V1PaymentIntents.Create(r.Context(), params)
		if err != nil {
			// The detail (an unreachable network, Stripe's own message) is for the log only.
			log.Printf("Stripe could not create the PaymentIntent: %v", err)
			sendPaymentErrorPage(w, siteDir, lang.code, http.StatusBadGateway)
			return
		}
		next := intent.NextAction
		if intent.Status == stripe.PaymentIntentStatusRequiresAction && next != nil &&
			next.Type == stripe.PaymentIntentNextActionTypeRedirectToURL && next.RedirectToURL != nil && offersAlma(intent) {
			// 303: the browser follows with a GET, and never posts the form again.
			http.Redirect(w, r, next.RedirectToURL.URL, http.StatusSeeOther)
			return
		}
		log.Printf("PaymentIntent %s has no redirect to Alma (status %s): %v", intent.ID, intent.Status, errAlmaUnavailable)
		sendPaymentErrorPage(w, siteDir, lang.code, http.StatusBadGateway)
	}
}
