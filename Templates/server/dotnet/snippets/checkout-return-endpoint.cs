{{%CONTENT_TYPE: TEXT}}
/// <summary>
/// GET {{checkout_return_path}}: where Alma sends the customer back. Stripe adds the PaymentIntent's
/// id and client secret; the status shown comes from Stripe itself, never from the address
/// (redirect_status can be typed by anyone).
/// </summary>
static async Task AnswerCheckoutReturnAsync(HttpContext context, StripeClient stripe, ILogger logger)
{
    var query = context.Request.Query;
    var lang = SiteLanguage(query["lang"].ToString());
    var intentId = query["payment_intent"].ToString();
    var clientSecret = query["payment_intent_client_secret"].ToString();
    var status = "unknown";
    var kept = "";
    // Only an address carrying this intent's secret is worth asking Stripe about.
    if (Regex.IsMatch(intentId, @"^pi_[A-Za-z0-9]+\z") && clientSecret.StartsWith(intentId + "_secret_", StringComparison.Ordinal))
    {
        try
        {
            var intent = await new PaymentIntentService(stripe).GetAsync(intentId);
            // The client secret proves the customer holds this payment: the id alone does not.
            if (CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(intent.ClientSecret ?? ""), Encoding.UTF8.GetBytes(clientSecret)))
            {
                status = ReturnStatuses.Contains(intent.Status) ? intent.Status : "unknown";
                kept = "payment_intent=" + Uri.EscapeDataString(intentId)
                    + "&payment_intent_client_secret=" + Uri.EscapeDataString(clientSecret);
            }
        }
        catch (StripeException problem)
        {
            logger.LogError(problem, "Stripe could not retrieve PaymentIntent {Id}", intentId);
        }
    }
    var page = Languages[lang];
    if (kept.Length > 0)
    {
        page += (page.Contains('?') ? "&" : "?") + kept;
    }
    // The return page shows the block #status-<status> even without JavaScript.
    RedirectSeeOther(context, page + "#status-" + status);
}
