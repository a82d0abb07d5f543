{{%CONTENT_TYPE: TEXT}}
/// <summary>
/// POST {{checkout_path}}: the checkout form, when Stripe.js cannot run. The server creates and
/// confirms the PaymentIntent itself and sends the customer straight to Alma.
/// </summary>
static async Task AnswerCheckoutAsync(HttpContext context, StripeClient stripe, string siteBaseUrl, string siteDir, ILogger logger)
{
    var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : FormCollection.Empty;
    var lang = SiteLanguage(form["lang"].ToString());
    var productId = RequestedProduct(form["product"].ToString());
    var refusal = ProductRefusal(productId);
    if (refusal != null)
    {
        await SendPaymentErrorPageAsync(context, siteDir, lang, RefusalStatus(refusal));
        return;
    }
    var options = new PaymentIntentCreateOptions
    {
        Amount = Products[productId],
        Currency = Currency,
        // Stripe API release {{api_release}} restricts payment methods with {{restriction_parameter}}.
        {{dotnet_restriction_property}} = new List<string> { "{{payment_method}}" },
        Metadata = new Dictionary<string, string> { { "product_id", productId } },
        // Confirmed at once, with Alma: Stripe answers with the address of Alma's page.
        Confirm = true,
        PaymentMethodData = new PaymentIntentPaymentMethodDataOptions { Type = "{{payment_method}}" },
        // Absolute, from the configured base: Alma sends the customer back here.
        ReturnUrl = siteBaseUrl + CheckoutReturnPath + "?lang=" + Uri.EscapeDataString(lang),
    };
    // A fresh key per attempt: a retried request can't create a second PaymentIntent.
    var requestOptions = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };
    PaymentIntent intent;
    try
    {
        intent = await new PaymentIntentService(stripe).CreateAsync(options, requestOptions);
    }
    catch (StripeException problem)
    {
        // The detail (an unreachable network, Stripe's own message) is for the log only.
        logger.LogError(problem, "Stripe could not create the PaymentIntent");
        await SendPaymentErrorPageAsync(context, siteDir, lang, StatusCodes.Status502BadGateway);
        return;
    }
    var next = intent.NextAction;
    if (intent.Status == "requires_action" && next?.Type == "redirect_to_url" && next.RedirectToUrl != null
        && intent.PaymentMethodTypes.Contains("{{payment_method}}"))
    {
        RedirectSeeOther(context, next.RedirectToUrl.Url);
        return;
    }
    logger.LogError("PaymentIntent {Id} has no redirect to Alma (status {Status}): {Problem}",
        intent.Id, intent.Status, new AlmaUnavailableException().Message);
    await SendPaymentErrorPageAsync(context, siteDir, lang, StatusCodes.Status502BadGateway);
}
