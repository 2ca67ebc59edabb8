// @ts-check
/* The resolve form: new values apply only to a "changed" outcome; an upheld one keeps them all. */
(function () {
  'use strict';
  const form = document.getElementById('resolve-form');
  if (!form) return;
  /** @type {NodeListOf<HTMLSelectElement>} */
  var selects = form.querySelectorAll('select.new-value');
  const sync = function () {
    /** @type {HTMLInputElement | null} */
    var chosen = form.querySelector('input[name="outcome"]:checked');
    var upheld = chosen && chosen.value === 'upheld';
    for (var i = 0; i < selects.length; i++) selects[i].disabled = !!upheld;
  };
  form.addEventListener('change', function (event) {
    var target = /** @type {HTMLInputElement | null} */ (event.target);
    if (target && target.name === 'outcome') sync();
  });
  sync();
})();
