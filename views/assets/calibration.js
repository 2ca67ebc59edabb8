// @ts-check
/* Calibration pages: confirm before closing a session early, and offer as expert only the
   people picked as participants. The forms work without it. */
(function () {
  'use strict';

  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm') || undefined)) event.preventDefault();
    });
  });

  /** @type {HTMLSelectElement | null} */
  const participants = document.querySelector('#calibration-form select[name="participantIds"]');
  /** @type {HTMLSelectElement | null} */
  const expert = document.querySelector('#calibration-form select[name="expertId"]');
  if (!participants || !expert) return;
  const sync = function () {
    var chosen = {};
    Array.prototype.forEach.call(participants.selectedOptions, function (option) {
      chosen[option.value] = true;
    });
    var any = participants.selectedOptions.length > 0;
    Array.prototype.forEach.call(expert.options, function (option) {
      if (!option.value) return;
      option.disabled = any && !chosen[option.value];
      if (option.disabled && option.selected) expert.value = '';
    });
  };
  participants.addEventListener('change', sync);
  sync();
})();
