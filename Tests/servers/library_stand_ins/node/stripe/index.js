// A stand-in for the official `stripe` package, which cannot be installed
// here (no npm registry): just enough of its surface for the generated
// server.js to start. STAND_IN_CREATE says how creating a PaymentIntent
// goes: "crash" throws an error that is not Stripe's (a bug), "stripe-error"
// one of Stripe's; anything else succeeds.
'use strict';

class StripeError extends Error {}

class Stripe {
  constructor() {
    this.paymentIntents = {
      async create() {
        if (process.env.STAND_IN_CREATE === 'crash') throw new TypeError('a bug outside Stripe');
        if (process.env.STAND_IN_CREATE === 'stripe-error') throw new StripeError('Stripe detail 7f3a');
        return {client_secret: 'pi_standin123_secret_standin456', payment_method_types: ['alma']};
      },
    };
    this.webhooks = {
      constructEvent() {
        throw new StripeError('No signatures found matching the expected signature for payload');
      },
    };
  }
}
Stripe.errors = {StripeError};
module.exports = Stripe;
