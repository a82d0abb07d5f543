{{%CONTENT_TYPE: TEXT}}
/**
 * POST {{checkout_path}}: the checkout form, when Stripe.js cannot run. The
 * server creates and confirms the PaymentIntent itself and sends the customer
 * straight to Alma.
 */
function answer_checkout(\Stripe\StripeClient $stripe): void
{
    $lang = site_language($_POST['lang'] ?? null);
    [$productId, $refusal] = find_product($_POST['product'] ?? null);
    if ($refusal !== null) {
        [, $status] = $refusal;
        send_payment_error_page($lang, $status);
        return;
    }
    try {
        $intent = $stripe->paymentIntents->create(
            [
                'amount' => PRODUCTS[$productId],
                'currency' => CURRENCY,
                // Stripe API {{api_version}} restricts payment methods with this parameter.
                '{{restriction_parameter}}' => ['{{payment_method}}'],
                'metadata' => ['product_id' => $productId],
                // Confirmed at once, with Alma: Stripe answers with the address of Alma's page.
                'confirm' => true,
                'payment_method_data' => ['type' => '{{payment_method}}'],
                // Absolute, from the configured base: Alma sends the customer back here.
                'return_url' => SITE_BASE_URL . CHECKOUT_RETURN_PATH . '?lang=' . rawurlencode($lang),
            ],
            // A fresh key per attempt: a retried request can't create a second PaymentIntent.
            ['idempotency_key' => bin2hex(random_bytes(16))]
        );
    } catch (\Stripe\Exception\ApiErrorException $problem) {
        // The detail (an unreachable network, Stripe's own message) is for the log only.
        error_log('Stripe could not create the PaymentIntent: ' . get_class($problem) . ': ' . $problem->getMessage());
        send_payment_error_page($lang, 502);
        return;
    }
    $nextAction = $intent->next_action;
    if ($intent->status === 'requires_action' && $nextAction !== null && $nextAction->type === 'redirect_to_url'
        && in_array('{{payment_method}}', $intent->payment_method_types, true)) {
        redirect_see_other($nextAction->redirect_to_url->url);
        return;
    }
    error_log("PaymentIntent {$intent->id} has no redirect to Alma (status {$intent->status}): check that the amount is "
        . 'between {{amount_minimum_text}} and {{amount_maximum_text}} and that Alma is enabled on the Stripe account.');
    send_payment_error_page($lang, 502);
}
