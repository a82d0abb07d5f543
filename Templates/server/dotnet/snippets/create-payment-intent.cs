{{%CONTENT_TYPE: TEXT}}
/// <summary>Creates the PaymentIntent with the server's own amount, restricted to Alma.</summary>
static async Task<PaymentIntent> CreateAlmaPaymentIntentAsync(StripeClient stripe)
{
    var options = new PaymentIntentCreateOptions
    {
        Amount = Amount,
        Currency = Currency,
        // Stripe API release {{api_release}} restricts payment methods with {{restriction_parameter}}.
        {{dotnet_restriction_property}} = new List<string> { "{{payment_method}}" },
    };
    // A fresh key per attempt: a retried request can't create a second PaymentIntent.
    var requestOptions = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };
    var intent = await new PaymentIntentService(stripe).CreateAsync(options, requestOptions);
    if (!intent.PaymentMethodTypes.Contains("{{payment_method}}"))
    {
        throw new AlmaUnavailableException();
    }
    return intent;
}
