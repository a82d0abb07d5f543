{{%CONTENT_TYPE: TEXT}}
/// <summary>Creates the PaymentIntent for a product of the catalogue, at the server's own price, restricted to Alma.</summary>
static async Task<PaymentIntent> CreateAlmaPaymentIntentAsync(StripeClient stripe, string productId)
{
    var options = new PaymentIntentCreateOptions
    {
        Amount = Products[productId],
        Currency = Currency,
        // Stripe API release {{api_release}} restricts payment methods with {{restriction_parameter}}.
        {{dotnet_restriction_property}} = new List<string> { "{{payment_method}}" },
        // The webhook reads which product was paid for here.
        Metadata = new Dictionary<string, string> { { "product_id", productId } },
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
