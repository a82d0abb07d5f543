{{%CONTENT_TYPE: TEXT}}
/** GET {{client_secret_path}}?product=<id>: answers {"client_secret": "..."} for that product. */
function answer_client_secret(\Stripe\StripeClient $stripe): void
{
    [$productId, $refusal] = find_product($_GET['product'] ?? null);
    if ($refusal !== null) {
        [$code, $status] = $refusal;
        send_error($status, $code, $code === 'missing_product'
            ? 'Say which product to pay for: ?product=<id>.'
            : 'This product is not sold here.');
        return;
    }
    try {
        $intent = create_alma_payment_intent($stripe, $productId);
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
