module almakit.example/alma-checkout-server

go 1.22

// The stripe-go major built for Stripe API release endive.
require github.com/stripe/stripe-go/v87 v87.0.0
