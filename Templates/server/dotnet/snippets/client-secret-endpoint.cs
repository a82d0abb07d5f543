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
        return ErrorResult(StatusCodes.Status502BadGateway, problem.Message);
    }
    catch (StripeException problem)
    {
        logger.LogError("Stripe refused to create the PaymentIntent: {Code}", problem.StripeError?.Code);
        return ErrorResult(StatusCodes.Status502BadGateway,
            problem.StripeError?.Message ?? "The payment could not be prepared.");
    }
}
