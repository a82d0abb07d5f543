{{%CONTENT_TYPE: TEXT}}
/// <summary>POST {{webhook_path}}: verifies the event's signature, then acts on it.</summary>
static async Task<IResult> AnswerWebhookAsync(HttpRequest request, string webhookSecret, ILogger logger)
{
    if (webhookSecret.Length == 0)
    {
        return ErrorResult(StatusCodes.Status500InternalServerError, "webhook_secret_missing", "STRIPE_WEBHOOK_SECRET is not set");
    }
    var payload = await new StreamReader(request.Body).ReadToEndAsync();
    // Missing, the header would reach ConstructEvent as null: a NullReferenceException.
    var signature = request.Headers["Stripe-Signature"].ToString();
    Event stripeEvent;
    try
    {
        if (signature.Length == 0)
        {
            throw new StripeException("no Stripe-Signature header");
        }
        // The signature covers the raw body: verify it before parsing anything.
        // The event's API version may differ from Stripe.net's: only the
        // fields read below are needed, so a mismatch is not an error here.
        stripeEvent = EventUtility.ConstructEvent(payload, signature, webhookSecret,
            throwOnApiVersionMismatch: false);
    }
    catch (Exception problem)
    {
        // Only the untrusted request is read here, and a garbled header or body
        // makes the library throw more than StripeException: each is a refusal.
        logger.LogWarning("webhook refused: {Problem}", problem.Message);
        return ErrorResult(StatusCodes.Status400BadRequest, "invalid_signature", "invalid signature");
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
