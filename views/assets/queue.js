// @ts-check
/* Sampling rule forms: show only the parameters the chosen kind takes. Without this script
   every field shows and the server ignores the ones the kind does not use. */
(function () {
  'use strict';
  function update(form) {
    var select = form.querySelector('select.rule-kind');
    if (!select) return;
    var kind = select.value;
    form.querySelectorAll('[data-kinds]').forEach(function (label) {
      var kinds = label.getAttribute('data-kinds').split(' ');
      label.hidden = kinds.indexOf(kind) < 0;
    });
  }
  document.querySelectorAll('form.rule-form').forEach(function (form) {
    update(form);
    var select = form.querySelector('select.rule-kind');
    if (select) select.addEventListener('change', function () { update(form); });
  });
})();
