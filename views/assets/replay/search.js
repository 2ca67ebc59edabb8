// @ts-check
// Search in the transcript: every matching turn marked (and the words in <mark>), Enter and the
// next/previous buttons seek to a match, Escape clears.

/**
 * @typedef {{ el: Element, start: number }} Turn
 * @typedef {{
 *   turns: Turn[],
 *   input: HTMLInputElement,
 *   count: HTMLElement,
 *   next: HTMLElement,
 *   previous: HTMLElement,
 *   currentTurn(): number,
 *   seekTo(ms: number): void,
 *   releaseFocus(e: MouseEvent, element: EventTarget | null): void,
 * }} SearchParts
 */

/** @param {string} s */
function normalize(s) {
  return s.normalize('NFC').toLowerCase();
}

/** @param {SearchParts} parts */
export function wireSearch(parts) {
  var turns = parts.turns;
  /** @type {string[] | null} */
  var texts = null;
  /** @type {number[]} */
  var matches = [];
  var activeMatch = -1;
  var searchTimer = 0;

  /** @param {number} i */
  function textOf(i) {
    return turns[i].el.querySelector('.text');
  }

  function clearSearch() {
    for (var m = 0; m < matches.length; m++) {
      var el = turns[matches[m]].el;
      el.classList.remove('is-match', 'is-match-active');
      var box = textOf(matches[m]);
      if (box && box.querySelector('mark')) {
        var plain = box.textContent; // the text without its <mark> elements
        box.textContent = plain;
      }
    }
    matches = [];
    activeMatch = -1;
  }

  function runSearch() {
    clearSearch();
    var query = normalize(parts.input.value.trim());
    if (query === '') {
      parts.count.textContent = '';
      return;
    }
    var all = (texts ??= turns.map(function (t, i) {
      var box = textOf(i);
      return box ? normalize(box.textContent || '') : '';
    }));
    for (var i = 0; i < turns.length; i++) {
      if (all[i].indexOf(query) < 0) continue;
      matches.push(i);
      turns[i].el.classList.add('is-match');
      var box = textOf(i);
      if (box) highlight(box, all[i], query);
    }
    showCount();
  }

  function showCount() {
    parts.count.textContent =
      (activeMatch < 0 ? (matches.length ? '–' : '0') : String(activeMatch + 1)) +
      ' / ' +
      matches.length;
  }

  /**
   * Next (+1) or previous (-1) match: from the active one, else from the current turn.
   * @param {number} direction
   */
  function stepMatch(direction) {
    if (searchTimer) {
      window.clearTimeout(searchTimer);
      searchTimer = 0;
      runSearch();
    }
    var n = matches.length;
    if (n === 0) return;
    var current = parts.currentTurn();
    var next;
    if (activeMatch >= 0) next = (activeMatch + direction + n) % n;
    else if (direction > 0) {
      next = 0;
      while (next < n && matches[next] < current) next++;
      if (next === n) next = 0;
    } else {
      next = n - 1;
      while (next >= 0 && matches[next] >= current) next--;
      if (next < 0) next = n - 1;
    }
    if (activeMatch >= 0) turns[matches[activeMatch]].el.classList.remove('is-match-active');
    activeMatch = next;
    turns[matches[next]].el.classList.add('is-match-active');
    showCount();
    parts.seekTo(turns[matches[next]].start);
  }

  parts.input.addEventListener('input', function () {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(function () {
      searchTimer = 0;
      runSearch();
    }, 150);
  });
  parts.input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      e.preventDefault();
      stepMatch(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      parts.input.value = '';
      runSearch();
    }
  });
  parts.next.addEventListener('click', function (e) {
    stepMatch(1);
    parts.releaseFocus(e, e.currentTarget);
  });
  parts.previous.addEventListener('click', function (e) {
    stepMatch(-1);
    parts.releaseFocus(e, e.currentTarget);
  });
}

/**
 * Wraps each occurrence in <mark>, when the normalised text lines up with the shown one.
 * @param {Element} box
 * @param {string} normalized
 * @param {string} query
 */
function highlight(box, normalized, query) {
  var original = box.textContent || '';
  if (original.length !== normalized.length) return;
  var fragment = document.createDocumentFragment();
  var from = 0;
  for (var at = normalized.indexOf(query); at >= 0; at = normalized.indexOf(query, from)) {
    if (at > from) fragment.appendChild(document.createTextNode(original.slice(from, at)));
    var mark = document.createElement('mark');
    mark.textContent = original.slice(at, at + query.length);
    fragment.appendChild(mark);
    from = at + query.length;
  }
  fragment.appendChild(document.createTextNode(original.slice(from)));
  box.textContent = '';
  box.appendChild(fragment);
}
