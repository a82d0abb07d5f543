{{%CONTENT_TYPE: TEXT}}
/** GET {{client_secret_path}}: answers {"client_secret": "..."} for the checkout page. */
function answer_client_secret(\Stripe\StripeClient $stripe): void
{
    try {
        $intent = create_alma_payment_intent($stripe);
    } catch (AlmaUnavailable $problem) {
        send_json(502, ['error' => ['message' => $problem->getMessage()]]);
        return;
    } catch (\Stripe\Exception\ApiErrorException $problem) {
        error_log('Stripe refused to create the PaymentIntent: ' . ($problem->getStripeCode() ?? get_class($problem)));
        send_json(502, ['error' => ['message' => $problem->getMessage() ?: 'The payment could not be prepared.']]);
        return;
    }
    // Only the client secret goes to the browser, never the whole object.
    send_json(200, ['client_secret' => $intent->client_secret]);
}
