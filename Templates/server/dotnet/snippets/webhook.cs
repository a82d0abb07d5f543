{{%CONTENT_TYPE: TEXT}}
/// <summary>POST {{webhook_path}}: verifies the event's signature, then acts on it.</summary>
static async Task<IResult> AnswerWebhookAsync(HttpRequest request, string webhookSecret, ILogger logger)
{
    if (webhookSecret.Length == 0)
    {
        return ErrorResult(StatusCodes.Status500InternalServerError, "STRIPE_WEBHOOK_SECRET is not set");
    }
    var payload = await new StreamReader(request.Body).ReadToEndAsync();
    Event stripeEvent;
    try
    {
        // The signature covers the raw body: verify it before parsing anything.
        // The event's API version may differ from Stripe.net's: only the
        // fields read below are needed, so a mismatch is not an error here.
        stripeEvent = EventUtility.ConstructEvent(payload, request.Headers["Stripe-Signature"], webhookSecret,
            throwOnApiVersionMismatch: false);
    }
    catch (StripeException)
    {
        return ErrorResult(StatusCodes.Status400BadRequest, "invalid signature");
    }
    var intent = stripeEvent.Data.Object as PaymentIntent;
    switch (stripeEvent.Type)
    {
        case "payment_intent.succeeded":
            // FULFIL THE ORDER HERE: the payment is complete. Stripe may send an
            // event more than once, so record intent.Id and fulfil only once.
            logger.LogInformation("PaymentIntent {Id} succeeded", intent?.Id);
            break;
        case "payment_intent.payment_failed":
            // The customer was refused or gave up at Alma: release the order.
            logger.LogInformation("PaymentIntent {Id} failed", intent?.Id);
            break;
        case "payment_intent.amount_capturable_updated":
            // Only with manual capture: the payment is authorized; capture it to fulfil.
            logger.LogInformation("PaymentIntent {Id} is ready to capture", intent?.Id);
            break;
    }
    return Results.Json(new { received = true });
}
