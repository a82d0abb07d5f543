{{%CONTENT_TYPE: TEXT}}
/** Creates the PaymentIntent with the server's own amount, restricted to Alma. */
function create_alma_payment_intent(\Stripe\StripeClient $stripe): \Stripe\PaymentIntent
{
    $intent = $stripe->paymentIntents->create(
        [
            'amount' => AMOUNT,
            'currency' => CURRENCY,
            // Stripe API {{api_version}} restricts payment methods with this parameter.
            '{{restriction_parameter}}' => ['alma'],
        ],
        // A fresh key per attempt: a retried request can't create a second PaymentIntent.
        ['idempotency_key' => bin2hex(random_bytes(16))]
    );
    if (!in_array('alma', $intent->payment_method_types, true)) {
        throw new AlmaUnavailable(
            'Alma is not available for this PaymentIntent: check that the amount is '
            . 'between 50 and 2,000 EUR and that Alma is enabled on the Stripe account.'
        );
    }
    return $intent;
}
