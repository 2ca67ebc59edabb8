// The scoring workspace: the live score preview (the server's own formula, nothing saved) and
// "pin to now" for comments. Without JavaScript the form posts as usual.
(function () {
  'use strict';
  var form = document.getElementById('scoring-form');
  var preview = document.getElementById('score-preview');
  if (!form || !preview || !window.fetch) return;
  var live = document.getElementById('live-score');
  var labels = document.getElementById('workspace-labels').dataset;
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content;
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

  function show(breakdown) {
    live.hidden = false;
    live.textContent = '';
    var strong = document.createElement('strong');
    strong.textContent = labels.overall + ': ' + percent(breakdown.overall);
    live.appendChild(strong);
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
    // The section rows of the summary follow too.
    breakdown.sections.forEach(function (section) {
      var row = preview.querySelector('.section-score[data-section="' + section.key + '"] td');
      if (row) row.textContent = percent(section.score) + (section.criticalFailed ? ' · ' + labels.critical : '');
    });
    var overall = preview.querySelector('#overall-score strong');
    if (overall) overall.textContent = percent(breakdown.overall);
  }

  function refresh() {
    var mine = ++sequence;
    fetch(preview.dataset.previewUrl, {
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
    if (!e.target || e.target.type !== 'radio') return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });

  // "Pin to now": the comment's moment becomes the turn the replay is at.
  var turns = Array.prototype.map.call(document.querySelectorAll('ol.turns > li.turn'), function (li) {
    return { seq: li.id.replace(/^turn-/, ''), start: Number(li.getAttribute('data-start-ms')) };
  });
  Array.prototype.forEach.call(form.querySelectorAll('button.pin[data-pin]'), function (button) {
    if (!window.qaReplay || turns.length === 0) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var ms = window.qaReplay.currentMs();
      var current = turns[0];
      for (var i = 0; i < turns.length && turns[i].start <= ms; i++) current = turns[i];
      var select = form.querySelector('select[name="turn_' + button.getAttribute('data-pin') + '"]');
      if (select) {
        select.value = current.seq;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
  });
})();
