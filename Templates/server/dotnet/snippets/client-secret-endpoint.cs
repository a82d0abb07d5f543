{{%CONTENT_TYPE: TEXT}}
/// <summary>GET {{client_secret_path}}: answers {"client_secret": "..."} for the checkout page.</summary>
static async Task<IResult> AnswerClientSecretAsync(StripeClient stripe, ILogger logger)
{
    try
    {
        var intent = await CreateAlmaPaymentIntentAsync(stripe);
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
