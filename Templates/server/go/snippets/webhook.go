{{%CONTENT_TYPE: TEXT}}
// webhookHandler verifies POST {{webhook_path}} events, then acts on them.
func webhookHandler(webhookSecret string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if webhookSecret == "" {
			writeJSON(w, http.StatusInternalServerError, errorBody("webhook_secret_missing", "STRIPE_WEBHOOK_SECRET is not set"))
			return
		}
		payload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody("unreadable_body", "unreadable body"))
			return
		}
		// The signature covers the raw body: verify it before parsing anything.
		// The event's own API version may differ from stripe-go's; only the
		// fields read below are needed, so a mismatch is not an error here.
		event, err := webhook.ConstructEventWithOptions(payload, r.Header.Get("Stripe-Signature"), webhookSecret,
			webhook.ConstructEventOptions{IgnoreAPIVersionMismatch: true})
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody("invalid_signature", "invalid signature"))
			return
		}

		// Only PaymentIntent events are read; any other is acknowledged as it is.
		if !strings.HasPrefix(string(event.Type), "payment_intent.") {
			writeJSON(w, http.StatusOK, map[string]bool{"received": true})
			return
		}
		var intent stripe.PaymentIntent
		if err := json.Unmarshal(event.Data.Raw, &intent); err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody("unexpected_event", "unexpected event payload"))
			return
		}
		switch event.Type {
		case "payment_intent.succeeded":
			// FULFIL THE ORDER HERE: the payment is complete. Stripe may send an
			// event more than once, so record intent.ID and fulfil only once.
			log.Printf("PaymentIntent %s succeeded", intent.ID)
		case "payment_intent.payment_failed":
			// The customer was refused or gave up at Alma: release the order.
			log.Printf("PaymentIntent %s failed", intent.ID)
		case "payment_intent.amount_capturable_updated":
			// Only with manual capture: the payment is authorized; capture it to fulfil.
			log.Printf("PaymentIntent %s is ready to capture", intent.ID)
		}
		writeJSON(w, http.StatusOK, map[string]bool{"received": true})
	}
}
