{{%CONTENT_TYPE: TEXT}}
module almakit.example/alma-checkout-server

go 1.22

// The stripe-go major built for Stripe API release {{api_release}}.
require {{go_module}} {{go_module_version}}
