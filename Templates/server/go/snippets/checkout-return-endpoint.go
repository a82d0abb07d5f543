{{%CONTENT_TYPE: TEXT}}
// checkoutReturnHandler answers GET {{checkout_return_path}}, where Alma sends
// the customer back. Stripe adds the PaymentIntent's id and client secret; the
// status shown comes from Stripe itself, never from the address
// (redirect_status can be typed by anyone).
func checkoutReturnHandler(client *stripe.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		query := r.URL.Query()
		lang := languageNamed(query.Get("lang"))
		intentID, clientSecret := query.Get("payment_intent"), query.Get("payment_intent_client_secret")
		status, kept := "unknown", ""
		// Only an address carrying this intent's secret is worth asking Stripe about.
		if paymentIntentID.MatchString(intentID) && strings.HasPrefix(clientSecret, intentID+"_secret_") {
			intent, err := client.V1PaymentIntents.Retrieve(r.Context(), intentID, nil)
			switch {
			case err != nil:
				log.Printf("Stripe could not retrieve PaymentIntent %s: %v", intentID, err)
			// The client secret proves the customer holds this payment: the id alone does not.
			case subtle.ConstantTimeCompare([]byte(intent.ClientSecret), []byte(clientSecret)) == 1:
				status = returnStatus(intent.Status)
				kept = url.Values{"payment_intent": {intentID}, "payment_intent_client_secret": {clientSecret}}.Encode()
			}
		}
		page := lang.returnURL
		if kept != "" {
			separator := "?"
			if strings.Contains(page, "?") {
				separator = "&"
			}
			page += separator + kept
		}
		// The return page shows the block #status-<status> even without JavaScript.
		http.Redirect(w, r, page+"#status-"+status, http.StatusSeeOther)
	}
}

// returnStatus is the status the return page has a message for, or "unknown".
func returnStatus(status stripe.PaymentIntentStatus) string {
	switch status {
	case stripe.PaymentIntentStatusSucceeded, stripe.PaymentIntentStatusProcessing,
		stripe.PaymentIntentStatusRequiresCapture, stripe.PaymentIntentStatusRequiresPaymentMethod,
		stripe.PaymentIntentStatusRequiresAction, stripe.PaymentIntentStatusCanceled:
		return string(status)
	}
	return "unknown"
}
