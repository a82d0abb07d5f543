{{%CONTENT_TYPE: TEXT}}
/** POST {{webhook_path}}: verifies the event's signature, then acts on it. */
function answer_webhook(string $webhookSecret): void
{
    if ($webhookSecret === '') {
        send_error(500, 'webhook_secret_missing', 'STRIPE_WEBHOOK_SECRET is not set');
        return;
    }
    try {
        // The signature covers the raw body: verify it before parsing anything.
        $event = \Stripe\Webhook::constructEvent(
            file_get_contents('php://input'),
            $_SERVER['HTTP_STRIPE_SIGNATURE'] ?? '',
            $webhookSecret
        );
    } catch (\UnexpectedValueException | \Stripe\Exception\SignatureVerificationException $problem) {
        send_error(400, 'invalid_signature', 'invalid signature');
        return;
    }

    $intent = $event->data->object;
    switch ($event->type) {
        case 'payment_intent.succeeded':
            // FULFIL THE ORDER HERE: the payment is complete. Stripe may send an
            // event more than once, so record $intent->id and fulfil only once.
            error_log("PaymentIntent {$intent->id} succeeded");
            break;
        case 'payment_intent.payment_failed':
            // The customer was refused or gave up at Alma: release the order.
            error_log("PaymentIntent {$intent->id} failed");
            break;
        case 'payment_intent.amount_capturable_updated':
            // Only with manual capture: the payment is authorized; capture it to fulfil.
            error_log("PaymentIntent {$intent->id} is ready to capture");
            break;
    }
    send_json(200, ['received' => true]);
}
