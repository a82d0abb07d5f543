{{%CONTENT_TYPE: TEXT}}
[ -n "$product" ] || product={{{default_product_literal}}}
# The amount comes from the catalogue, never from whoever asks.
case "$product" in
{{#products}}
  {{id}}) amount={{amount}} ;;
{{/products}}
  *) echo "Name a product of the catalogue:{{#products}} {{id}}{{/products}}" >&2; exit 1 ;;
esac
