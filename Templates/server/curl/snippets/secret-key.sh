{{%CONTENT_TYPE: TEXT}}
case "${STRIPE_SECRET_KEY:-}" in
  sk_*|rk_*) ;;
  *) echo "STRIPE_SECRET_KEY must hold your secret key (sk_test_...) from the Stripe Dashboard" >&2; exit 1 ;;
esac
