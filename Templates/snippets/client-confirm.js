{{%CONTENT_TYPE: TEXT}}
form.addEventListener('submit', function (event) {
  event.preventDefault();
  // A second click while the first is in flight must not pay twice.
  if (confirming) { return; }
  confirming = true;
  setBusy(true);
  showError('');
  fetchClientSecret(form.elements.product.value)
    .catch(function (problem) {
      console.warn('AlmaKit: the client secret request failed:', problem.message);
      throw new Error(form.dataset.errorSecret);
    })
    .then(function (clientSecret) {
      return stripe.confirmPayment({
        clientSecret: clientSecret,
        confirmParams: {
          payment_method_data: {type: paymentMethodType},
          return_url: returnUrl
        }
      });
    })
    .then(function (result) {
      // On success the browser is already on its way to Alma; coming
      // back here means confirmation failed.
      var error = result && result.error;
      showError(error && error.message ? error.message : form.dataset.errorGeneric);
    }, function (problem) {
      showError(problem.message || form.dataset.errorGeneric);
    })
    .then(function () {
      confirming = false;
      setBusy(false);
    });
});
