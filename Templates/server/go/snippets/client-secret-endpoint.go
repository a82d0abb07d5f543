{{%CONTENT_TYPE: TEXT}}
// clientSecretHandler answers GET {{client_secret_path}} with {"client_secret": "..."}.
func clientSecretHandler(client *stripe.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		intent, err := createAlmaPaymentIntent(r.Context(), client)
		var stripeErr *stripe.Error
		switch {
		case errors.Is(err, errAlmaUnavailable):
			writeJSON(w, http.StatusBadGateway, errorBody(err.Error()))
		case errors.As(err, &stripeErr):
			log.Printf("Stripe refused to create the PaymentIntent: %s", stripeErr.Code)
			writeJSON(w, http.StatusBadGateway, errorBody(stripeErr.Msg))
		case err != nil:
			log.Printf("could not reach Stripe: %v", err)
			writeJSON(w, http.StatusBadGateway, errorBody("The payment could not be prepared."))
		default:
			// Only the client secret goes to the browser, never the whole object.
			writeJSON(w, http.StatusOK, map[string]string{"client_secret": intent.ClientSecret})
		}
	}
}
