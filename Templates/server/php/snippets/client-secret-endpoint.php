{{%CONTENT_TYPE: TEXT}}
/** GET {{client_secret_path}}: answers {"client_secret": "..."} for the checkout page. */
function answer_client_secret(\Stripe\StripeClient $stripe): void
{
    try {
        $intent = create_alma_payment_intent($stripe);
    } catch (AlmaUnavailable $problem) {
        error_log($problem->getMessage());
        send_error(502, 'alma_unavailable', 'Alma is not available for this payment.');
        return;
    } catch (\Stripe\Exception\ApiErrorException $problem) {
        // The detail (an unreachable network, Stripe's own message) is for the log only.
        error_log('Stripe could not create the PaymentIntent: ' . get_class($problem) . ': ' . $problem->getMessage());
        send_error(502, 'stripe_error', 'The payment could not be prepared. Please try again.');
        return;
    }
    // Only the client secret goes to the browser, never the whole object.
    send_json(200, ['client_secret' => $intent->client_secret]);
}
