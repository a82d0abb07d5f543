{{%CONTENT_TYPE: TEXT}}
/// <summary>GET {{client_secret_path}}?product=&lt;id&gt;: answers {"client_secret": "..."} for that product.</summary>
static async Task<IResult> AnswerClientSecretAsync(HttpRequest request, StripeClient stripe, ILogger logger)
{
    var productId = RequestedProduct(request.Query["product"].ToString());
    var refusal = ProductRefusal(productId);
    if (refusal != null)
    {
        return ErrorResult(RefusalStatus(refusal), refusal, refusal == "missing_product"
            ? "Say which product to pay for: ?product=<id>." : "This product is not sold here.");
    }
    try
    {
        var intent = await CreateAlmaPaymentIntentAsync(stripe, productId);
        // Only the client secret goes to the browser, never the whole object.
        return Results.Json(new { client_secret = intent.ClientSecret });
    }
    catch (AlmaUnavailableException problem)
    {
        logger.LogError("{Problem}", problem.Message);
        return ErrorResult(StatusCodes.Status502BadGateway, "alma_unavailable", "Alma is not available for this payment.");
    }
    catch (StripeException problem)
    {
        // The detail (an unreachable network, Stripe's own message) is for the log only.
        logger.LogError(problem, "Stripe could not create the PaymentIntent");
        return ErrorResult(StatusCodes.Status502BadGateway, "stripe_error",
            "The payment could not be prepared. Please try again.");
    }
}
