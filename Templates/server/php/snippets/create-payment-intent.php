{{%CONTENT_TYPE: TEXT}}
/** Creates the PaymentIntent for a product of the catalogue, at the server's own price, restricted to Alma. */
function create_alma_payment_intent(\Stripe\StripeClient $stripe, string $productId): \Stripe\PaymentIntent
{
    $intent = $stripe->paymentIntents->create(
        [
            'amount' => PRODUCTS[$productId],
            'currency' => CURRENCY,
            // Stripe API {{api_version}} restricts payment methods with this parameter.
            '{{restriction_parameter}}' => ['{{payment_method}}'],
            // The webhook reads which product was paid for here.
            'metadata' => ['product_id' => $productId],
        ],
        // A fresh key per attempt: a retried request can't create a second PaymentIntent.
        ['idempotency_key' => bin2hex(random_bytes(16))]
    );
    if (!in_array('{{payment_method}}', $intent->payment_method_types, true)) {
        throw new AlmaUnavailable(
            'Alma is not available for this PaymentIntent: check that the amount is '
            . 'between {{amount_minimum_text}} and {{amount_maximum_text}} and that Alma is enabled on the Stripe account.'
        );
    }
    return $intent;
}
