/* The resolve form: new values apply only to a "changed" outcome; an upheld one keeps them all. */
(function () {
  'use strict';
  var form = document.getElementById('resolve-form');
  if (!form) return;
  var selects = form.querySelectorAll('select.new-value');
  function sync() {
    var chosen = form.querySelector('input[name="outcome"]:checked');
    var upheld = chosen && chosen.value === 'upheld';
    for (var i = 0; i < selects.length; i++) selects[i].disabled = !!upheld;
  }
  form.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'outcome') sync();
  });
  sync();
})();
