// @ts-check
// The scoring form never loses typing: answers are saved as a draft a moment after each change
// (PATCH /api/evaluations/:id with the version the page holds, so a save from another tab is a
// 409 and nothing is overwritten), "Save draft" saves in place (the replay keeps its time, speed
// and scroll), a failed save says so and tries again, and leaving with unsaved text asks first.
// Without JavaScript the form posts as before.
(function () {
  'use strict';

  var DEBOUNCE_MS = 1500;
  var RETRY_MS = [2000, 5000, 10000, 30000];

  var form = /** @type {HTMLFormElement | null} */ (document.getElementById('scoring-form'));
  var status = document.getElementById('save-status');
  var labelsEl = document.getElementById('workspace-labels');
  if (!form || !status || !labelsEl || !window.fetch) return;
  var scoringForm = form;
  var statusEl = status;
  var labels = labelsEl.dataset;
  // getAttribute: the buttons named "action" shadow form.action.
  var url = (scoringForm.getAttribute('action') || '').replace(
    /^\/evaluations\/(\d+)$/,
    '/api/evaluations/$1',
  );
  var versionInput = /** @type {HTMLInputElement} */ (
    scoringForm.querySelector('input[name="version"]')
  );
  var tokenMeta = /** @type {HTMLMetaElement | null} */ (
    document.querySelector('meta[name="csrf-token"]')
  );
  var token = tokenMeta ? tokenMeta.content : '';

  /** @typedef {{ key: string, value?: number, na?: boolean, comment?: string, turnIndex?: number, timeMs?: number }} Answer */

  /** Changes not yet saved (a number, so a change made during a save is not lost). */
  var changes = 0;
  /** @type {number | null} */
  var savedAt = null;
  /** @type {Promise<void> | null} */
  var inFlight = null;
  /** @type {number | undefined} */
  var timer;
  /** @type {number | undefined} */
  var ticker;
  var failures = 0;
  /** A 409: another tab saved first; autosave stops so nothing of theirs is overwritten. */
  var stopped = false;
  /** The form is being posted on purpose (submit): no leave warning. */
  var leaving = false;
  var waitingComments = false;

  /** @param {string} template @param {Record<string, string | number>} params */
  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in params ? String(params[name]) : whole;
    });
  }

  /** @param {string} text @param {string} kind */
  function say(text, kind) {
    statusEl.textContent = text;
    statusEl.className = 'save-status small ' + kind;
  }

  function showSaved() {
    if (savedAt === null || stopped) return;
    if (changes > 0 && !waitingComments) return say(labels.unsaved || '', 'unsaved');
    var seconds = Math.max(0, Math.round((Date.now() - savedAt) / 1000));
    var text =
      seconds < 3
        ? labels.savedNow || ''
        : seconds < 60
          ? fill(labels.savedSeconds || '', { seconds: seconds })
          : fill(labels.savedMinutes || '', { minutes: Math.floor(seconds / 60) });
    say(waitingComments ? text + ' · ' + (labels.commentWaits || '') : text, 'saved');
  }

  /** The start of each turn, for a comment's "about this turn". */
  var turnStarts = /** @type {Record<string, number>} */ ({});
  document.querySelectorAll('ol.turns > li.turn').forEach(function (li) {
    turnStarts[li.id.replace(/^turn-/, '')] = Number(li.getAttribute('data-start-ms'));
  });

  /**
   * What the form holds, as the API takes it. A comment whose criterion has no answer yet cannot
   * be saved (the server refuses it): it stays in the page and counts as unsaved.
   * @returns {Answer[]}
   */
  function answers() {
    /** @type {Answer[]} */
    var out = [];
    waitingComments = false;
    scoringForm.querySelectorAll('.criterion').forEach(function (el) {
      var key = el.id.replace(/^criterion-/, '');
      var checked = /** @type {HTMLInputElement | null} */ (
        el.querySelector('input[type=radio]:checked')
      );
      var commentEl = /** @type {HTMLTextAreaElement | null} */ (
        el.querySelector('textarea[name^="comment_"]')
      );
      var turnEl = /** @type {HTMLSelectElement | null} */ (
        el.querySelector('select[name^="turn_"]')
      );
      var comment = commentEl ? commentEl.value.trim() : '';
      var turn = turnEl ? turnEl.value : '';
      if (!checked) {
        if (comment || turn) waitingComments = true;
        return;
      }
      /** @type {Answer} */
      var answer =
        checked.value === 'na'
          ? { key: key, na: true }
          : { key: key, value: Number(checked.value) };
      if (comment) answer.comment = comment;
      if (turn && isFinite(turnStarts[turn])) {
        answer.turnIndex = Number(turn);
        answer.timeMs = turnStarts[turn];
      }
      out.push(answer);
    });
    return out;
  }

  function schedule() {
    window.clearTimeout(timer);
    if (stopped) return;
    timer = window.setTimeout(function () {
      void save();
    }, DEBOUNCE_MS);
  }

  /**
   * Saves what the form holds now; resolves when it is saved or has failed (and will retry).
   * @returns {Promise<void>}
   */
  function save() {
    window.clearTimeout(timer);
    if (stopped) return Promise.resolve();
    if (inFlight) {
      // One save at a time: the next one starts when this one is done.
      return inFlight.then(function () {
        return changes > 0 ? save() : Promise.resolve();
      });
    }
    var body = answers();
    var sending = changes;
    if (body.length === 0) {
      showSaved();
      return Promise.resolve();
    }
    say(labels.saving || '', 'saving');
    inFlight = fetch(url, {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRF-Token': token,
        Accept: 'application/json',
      },
      body: JSON.stringify({ version: Number(versionInput.value), answers: body }),
    })
      .then(function (res) {
        return res.json().then(
          /** @param {{ version?: number, message?: string }} json */
          function (json) {
            return { status: res.status, json: json };
          },
        );
      })
      .then(
        function (r) {
          inFlight = null;
          if (r.status >= 200 && r.status < 300 && typeof r.json.version === 'number') {
            versionInput.value = String(r.json.version);
            changes = Math.max(0, changes - sending);
            if (waitingComments) changes = Math.max(changes, 1);
            failures = 0;
            savedAt = Date.now();
            showSaved();
            return;
          }
          if (r.status === 409) {
            stopped = true;
            say(labels.conflict || '', 'conflict');
            return;
          }
          if (r.status === 400) {
            // The input itself is refused: it stays, and the next change tries again.
            say(labels.invalidSave || '', 'failed');
            return;
          }
          retryLater();
        },
        function () {
          inFlight = null;
          retryLater();
        },
      );
    return inFlight;
  }

  /** A network failure or a server error: say so, and try again after a growing pause. */
  function retryLater() {
    var wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
    failures++;
    say(fill(labels.failed || '', { seconds: Math.round(wait / 1000) }), 'failed');
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      void save();
    }, wait);
  }

  function changed() {
    changes++;
    leaving = false;
    say(labels.unsaved || '', 'unsaved');
    schedule();
  }

  scoringForm.addEventListener('input', changed);
  scoringForm.addEventListener('change', function (e) {
    // Text fields already counted on input; radios and selects only change.
    var target = /** @type {HTMLElement | null} */ (e.target);
    if (target && target.tagName !== 'TEXTAREA') changed();
  });
  window.addEventListener('online', function () {
    if (changes > 0 && !inFlight) void save();
  });

  scoringForm.addEventListener('submit', function (e) {
    if (e.defaultPrevented) return; // the completeness check stopped it
    var submitter = /** @type {HTMLButtonElement | null} */ (e.submitter);
    if (submitter && submitter.value === 'draft' && !stopped) {
      // Save draft saves in place: no reload, so playback and scroll stay where they are.
      e.preventDefault();
      changes = Math.max(changes, 1);
      void save();
      return;
    }
    if (inFlight) {
      // A save is on its way: submit once it is back, with the version it produced.
      e.preventDefault();
      void inFlight.then(function () {
        leaving = true;
        scoringForm.requestSubmit(submitter);
      });
      return;
    }
    leaving = true;
  });

  window.addEventListener('beforeunload', function (e) {
    if (leaving || (changes === 0 && !inFlight)) return;
    e.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    e.returnValue = '';
  });

  ticker = window.setInterval(showSaved, 1000);
  window.addEventListener('pagehide', function () {
    window.clearInterval(ticker);
  });

  window.qaAutosave = {
    /** Saves now (tests and other scripts); resolves when done or failed. */
    flush: function () {
      return changes > 0 ? save() : Promise.resolve();
    },
    pending: function () {
      return changes;
    },
  };
})();
