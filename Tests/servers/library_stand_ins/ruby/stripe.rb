# frozen_string_literal: true

# A stand-in for the official stripe gem, which cannot be installed here (no
# RubyGems): just enough of its surface for the generated app.rb to start.
# STAND_IN_CREATE says how creating a PaymentIntent goes: "crash" raises an
# error that is not Stripe's (a bug), "stripe-error" one of Stripe's.
module Stripe
  class StripeError < StandardError; end
  class SignatureVerificationError < StripeError; end

  PaymentIntent = Struct.new(:client_secret, :payment_method_types)

  # The `v1.payment_intents` namespace of the stripe gem's client.
  class PaymentIntents
    def create(_params, _options)
      raise TypeError, "a bug outside Stripe" if ENV["STAND_IN_CREATE"] == "crash"
      raise StripeError, "Stripe detail 7f3a" if ENV["STAND_IN_CREATE"] == "stripe-error"

      PaymentIntent.new("pi_standin123_secret_standin456", ["alma"])
    end
  end

  class StripeClient
    def initialize(_key, **_options); end

    def v1
      self
    end

    def payment_intents
      PaymentIntents.new
    end
  end

  module Webhook
    def self.construct_event(_payload, _signature, _secret)
      raise SignatureVerificationError, "No signatures found matching the expected signature for payload"
    end
  end
end
