// @ts-check
// The scoring workspace: the live score preview (the server's own formula, nothing saved) and
// "pin to now" for comments. Without JavaScript the form posts as usual.
(function () {
  'use strict';
  // The form, the preview, the live score and the labels are parts of one view
  // (views/evaluations/form.hbs): the script runs only where the form and the preview are.
  var form = /** @type {HTMLFormElement} */ (document.getElementById('scoring-form'));
  var preview = /** @type {HTMLElement} */ (document.getElementById('score-preview'));
  if (!form || !preview || !window.fetch) return;
  var live = /** @type {HTMLElement} */ (document.getElementById('live-score'));
  var labelsEl = /** @type {HTMLElement} */ (document.getElementById('workspace-labels'));
  /**
   * The page's translated words (data-* of #workspace-labels).
   * @type {Record<'overall' | 'pass' | 'fail' | 'critical' | 'invalid' | 'missing' | 'needsAnswer' | 'unanswered' | 'unansweredOne', string>}
   */
  var labels = Object.assign(
    { overall: '', pass: '', fail: '', critical: '', invalid: '', missing: '', needsAnswer: '', unanswered: '', unansweredOne: '' },
    labelsEl.dataset,
  );
  var csrfMeta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="csrf-token"]'));
  var token = csrfMeta ? csrfMeta.content : '';
  var timer = null;
  var sequence = 0;

  function answers() {
    var out = [];
    var seen = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[type=radio]:checked'), function (input) {
      var key = input.name.replace(/^value_/, '');
      if (seen[key]) return;
      seen[key] = true;
      out.push(input.value === 'na' ? { key: key, na: true } : { key: key, value: Number(input.value) });
    });
    return out;
  }

  function percent(v) {
    return v === null || v === undefined ? '–' : v.toFixed(1) + '%';
  }

  // The criteria still without a value or N/A: the score is not final until there are none.
  function unanswered() {
    return Array.prototype.filter.call(form.querySelectorAll('.criterion'), function (el) {
      return !el.querySelector('input[type=radio]:checked');
    });
  }

  function showUnanswered() {
    var missing = unanswered();
    var count = document.getElementById('unanswered-count');
    if (count) {
      count.hidden = missing.length === 0;
      count.textContent =
        missing.length === 1 ? labels.unansweredOne : labels.unanswered.replace('{count}', String(missing.length));
    }
    clearMissing(false);
    return missing;
  }

  function clearMissing(all) {
    Array.prototype.forEach.call(form.querySelectorAll('.criterion.missing'), function (el) {
      if (!all && !el.querySelector('input[type=radio]:checked')) return;
      el.classList.remove('missing', 'has-error');
      var note = el.querySelector('.field-error.missing-note');
      if (note) note.remove();
    });
    var banner = document.getElementById('missing-criteria');
    if (banner && (all || unanswered().length === 0)) banner.hidden = true;
  }

  function show(breakdown) {
    live.hidden = false;
    live.textContent = '';
    var strong = document.createElement('strong');
    var open = unanswered().length;
    // Not 100 % while criteria are unanswered: the verdict waits for every answer.
    strong.textContent = labels.overall + ': ' + (open > 0 ? '–' : percent(breakdown.overall));
    live.appendChild(strong);
    if (open > 0) {
      var summaryOverall = preview.querySelector('#overall-score strong');
      if (summaryOverall) summaryOverall.textContent = '–';
      return showSections(breakdown);
    }
    var verdict = document.createElement('span');
    verdict.className = breakdown.passed ? 'pass' : 'fail';
    verdict.textContent = ' ' + (breakdown.passed ? labels.pass : labels.fail);
    live.appendChild(verdict);
    if (breakdown.criticalFailed) {
      var critical = document.createElement('span');
      critical.className = 'fail';
      critical.textContent = ' · ' + labels.critical;
      live.appendChild(critical);
    }
    showSections(breakdown);
    var overall = preview.querySelector('#overall-score strong');
    if (overall) overall.textContent = percent(breakdown.overall);
  }

  // The section rows of the summary follow the answers too.
  function showSections(breakdown) {
    breakdown.sections.forEach(function (section) {
      var row = preview.querySelector('.section-score[data-section="' + section.key + '"] td');
      if (row) row.textContent = percent(section.score) + (section.criticalFailed ? ' · ' + labels.critical : '');
    });
  }

  function refresh() {
    var mine = ++sequence;
    fetch(preview.dataset.previewUrl || '', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token, Accept: 'application/json' },
      body: JSON.stringify({ answers: answers() }),
    })
      .then(function (res) {
        return res.json().then(function (body) {
          return { ok: res.ok, body: body };
        });
      })
      .then(function (r) {
        if (mine !== sequence) return; // a newer answer is on its way
        if (r.ok) show(r.body);
        else {
          live.hidden = false;
          live.textContent = labels.invalid + ' ' + (r.body.message || '');
        }
      })
      .catch(function () {
        /* offline: the saved preview stays */
      });
  }

  form.addEventListener('change', function (e) {
    var changed = /** @type {HTMLInputElement | null} */ (e.target);
    if (!changed || changed.type !== 'radio') return;
    showUnanswered();
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });

  // Submit checks completeness here first: the missing criteria are named and marked, nothing
  // is sent. (The server checks again; without JavaScript its answer marks the first one.)
  form.addEventListener('submit', function (e) {
    var submitter = /** @type {HTMLButtonElement | null} */ (e.submitter);
    if (!submitter || submitter.value !== 'submit') return;
    var missing = showUnanswered();
    if (missing.length === 0) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    clearMissing(true);
    var names = missing.map(function (el) {
      var label = el.querySelector('.criterion-head strong');
      var note = document.createElement('p');
      note.className = 'field-error missing-note';
      note.setAttribute('role', 'alert');
      note.textContent = labels.needsAnswer;
      el.classList.add('missing', 'has-error');
      el.appendChild(note);
      return label ? label.textContent : el.id.replace(/^criterion-/, '');
    });
    var banner = document.getElementById('missing-criteria');
    if (banner) {
      banner.textContent = labels.missing.replace('{list}', names.join(', '));
      banner.hidden = false;
    }
    missing[0].scrollIntoView({ block: 'center' });
    var first = missing[0].querySelector('input[type=radio]');
    if (first) first.focus({ preventScroll: true });
  });

  // "Pin to now": the comment's moment becomes the turn the replay is at.
  var turns = Array.from(document.querySelectorAll('ol.turns > li.turn'), function (li) {
    return { seq: li.id.replace(/^turn-/, ''), start: Number(li.getAttribute('data-start-ms')) };
  });
  Array.prototype.forEach.call(form.querySelectorAll('button.pin[data-pin]'), function (button) {
    if (!window.qaReplay || turns.length === 0) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var ms = window.qaReplay ? window.qaReplay.currentMs() : 0;
      var current = turns[0];
      for (var i = 0; i < turns.length && turns[i].start <= ms; i++) current = turns[i];
      /** @type {HTMLSelectElement | null} */
      var select = form.querySelector('select[name="turn_' + button.getAttribute('data-pin') + '"]');
      if (select) {
        select.value = current.seq;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
  });
})();
