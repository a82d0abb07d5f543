{{%CONTENT_TYPE: TEXT}}
// createAlmaPaymentIntent creates the PaymentIntent for a product of the
// catalogue, at the server's own price, restricted to Alma.
func createAlmaPaymentIntent(ctx context.Context, client *stripe.Client, item product) (*stripe.PaymentIntent, error) {
	params := &stripe.PaymentIntentCreateParams{
		Amount:   stripe.Int64(item.amount),
		Currency: stripe.String(currency),
		// The webhook reads which product was paid for here.
		Metadata: map[string]string{"product_id": item.id},
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
