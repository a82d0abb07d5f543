{{%CONTENT_TYPE: TEXT}}
# frozen_string_literal: true

# The production entry point: `bundle exec puma config.ru` (see the README).
require_relative "app"

warn "warning: STRIPE_WEBHOOK_SECRET is not set; webhooks will be refused" if WEBHOOK_SECRET.empty?
run AlmaCheckoutServer
