{{%CONTENT_TYPE: TEXT}}
// clientSecretHandler answers GET {{client_secret_path}}?product=<id> with
// {"client_secret": "..."} for a new PaymentIntent for that product.
func clientSecretHandler(client *stripe.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		item, err := findProduct(r.URL.Query().Get("product"))
		switch {
		case errors.Is(err, errMissingProduct):
			writeJSON(w, http.StatusBadRequest, errorBody("missing_product", "Say which product to pay for: ?product=<id>."))
			return
		case err != nil:
			writeJSON(w, http.StatusNotFound, errorBody("unknown_product", "This product is not sold here."))
			return
		}
		intent, err := createAlmaPaymentIntent(r.Context(), client, item)
		switch {
		case errors.Is(err, errAlmaUnavailable):
			log.Print(err)
			writeJSON(w, http.StatusBadGateway, errorBody("alma_unavailable", "Alma is not available for this payment."))
		case err != nil:
			// The detail (an unreachable network, Stripe's own message) is for the log only.
			log.Printf("Stripe could not create the PaymentIntent: %v", err)
			writeJSON(w, http.StatusBadGateway, errorBody("stripe_error", "The payment could not be prepared. Please try again."))
		default:
			// Only the client secret goes to the browser, never the whole object.
			writeJSON(w, http.StatusOK, map[string]string{"client_secret": intent.ClientSecret})
		}
	}
}
