{{%CONTENT_TYPE: TEXT}}
// createAlmaPaymentIntent creates the PaymentIntent with the server's own
// amount, restricted to Alma.
func createAlmaPaymentIntent(ctx context.Context, client *stripe.Client) (*stripe.PaymentIntent, error) {
	params := &stripe.PaymentIntentCreateParams{
		Amount:   stripe.Int64(amount),
		Currency: stripe.String(currency),
		// Stripe API release {{api_release}} restricts payment methods with {{restriction_parameter}}.
		{{go_restriction_field}}: stripe.StringSlice([]string{"{{payment_method}}"}),
	}
	// A fresh key per attempt: a retried request can't create a second PaymentIntent.
	params.SetIdempotencyKey(newIdempotencyKey())
	intent, err := client.V1PaymentIntents.Create(ctx, params)
	if err != nil {
		return nil, err
	}
	if !offersAlma(intent) {
		return nil, errAlmaUnavailable
	}
	return intent, nil
}
