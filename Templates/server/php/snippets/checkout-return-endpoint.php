{{%CONTENT_TYPE: TEXT}}
/**
 * GET {{checkout_return_path}}: where Alma sends the customer back. Stripe adds
 * the PaymentIntent's id and client secret; the status shown comes from Stripe
 * itself, never from the address (redirect_status can be typed by anyone).
 */
function answer_checkout_return(\Stripe\StripeClient $stripe): void
{
    $lang = site_language($_GET['lang'] ?? null);
    $intentId = is_string($_GET['payment_intent'] ?? null) ? $_GET['payment_intent'] : '';
    $clientSecret = is_string($_GET['payment_intent_client_secret'] ?? null) ? $_GET['payment_intent_client_secret'] : '';
    $status = 'unknown';
    $query = '';
    // Only an address carrying this intent's secret is worth asking Stripe about.
    if (preg_match('/^pi_[A-Za-z0-9]+$/D', $intentId) === 1 && str_starts_with($clientSecret, $intentId . '_secret_')) {
        try {
            $intent = $stripe->paymentIntents->retrieve($intentId);
            // The client secret proves the customer holds this payment: the id alone does not.
            if (hash_equals((string) $intent->client_secret, $clientSecret)) {
                $status = in_array($intent->status, RETURN_STATUSES, true) ? $intent->status : 'unknown';
                $query = http_build_query(
                    ['payment_intent' => $intentId, 'payment_intent_client_secret' => $clientSecret],
                    '',
                    '&',
                    PHP_QUERY_RFC3986
                );
            }
        } catch (\Stripe\Exception\ApiErrorException $problem) {
            error_log("Stripe could not retrieve PaymentIntent {$intentId}: " . get_class($problem) . ': ' . $problem->getMessage());
        }
    }
    $page = LANGUAGES[$lang];
    if ($query !== '') {
        $page .= (str_contains($page, '?') ? '&' : '?') . $query;
    }
    // The return page shows the block #status-<status> even without JavaScript.
    redirect_see_other($page . '#status-' . $status);
}
