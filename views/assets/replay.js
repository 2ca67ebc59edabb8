// @ts-check
// The replay player of the interaction page: plays the transcript in time (driven by the
// recording when there is one), marks for auto-QA findings and comments on the seek bar, search,
// keyboard. Without JavaScript the page is the whole transcript and the player stays hidden.
//
// Contract with the page: li.turn[data-start-ms] in ol.turns (read here, not duplicated in
// JSON), #replay-data (JSON: durationMs, markers), any [data-seek-ms] element seeks on click, and
// window.qaReplay = { seek(ms), play(), pause(), currentMs() }. A 'qa-replay:turn' event on
// document tells which turn became current.
(function () {
  'use strict';

  var SEEK_STEP_MS = 5000;
  var USER_SCROLL_GRACE_MS = 3000;
  var RATES = [1, 1.5, 2, 4];

  // The player's parts are in the same partial as #replay-player (views/partials/transcript-player.hbs):
  // when it is on the page, so are they.
  var root = /** @type {HTMLElement} */ (document.getElementById('replay-player'));
  var list = document.querySelector('ol.turns');
  if (!root || !list || !window.requestAnimationFrame) return;

  var data = readData();
  var audio = document.getElementById('replay-audio');
  var playButton = part('player-play');
  var elapsedLabel = part('player-elapsed');
  var totalLabel = part('player-total');
  var seekBar = /** @type {HTMLInputElement} */ (part('player-seek'));
  var markerTrack = part('player-markers');
  var rateButtons = root.querySelectorAll('[data-rate]');
  var searchInput = /** @type {HTMLInputElement} */ (part('player-search'));
  var searchCount = part('player-search-count');
  var scroller = /** @type {Element} */ (list.closest('.transcript') || document.scrollingElement);
  var head = /** @type {HTMLElement | null} */ (scroller.querySelector('.transcript-head'));

  // The turns in time order: starts[i] ascending, for a binary search per frame.
  var turns = [];
  var nodes = list.querySelectorAll('li.turn[data-start-ms]');
  var lastEnd = 0;
  for (var k = 0; k < nodes.length; k++) {
    var start = Number(nodes[k].getAttribute('data-start-ms'));
    var end = Number(nodes[k].getAttribute('data-end-ms'));
    if (!isFinite(start)) continue;
    turns.push({ el: nodes[k], start: start, order: k });
    if (isFinite(end) && end > lastEnd) lastEnd = end;
  }
  turns.sort(function (a, b) {
    return a.start - b.start || a.order - b.order;
  });
  var starts = new Float64Array(turns.length);
  for (k = 0; k < turns.length; k++) starts[k] = turns[k].start;

  var totalMs = Math.max(Number(data.durationMs) || 0, lastEnd, 1);
  var rate = 1;
  var current = -1;
  var shownTime = '';
  var shownSeek = -1;
  var dragging = false;
  var frame = 0;
  var lastUserScrollAt = -Infinity;
  var ownScrollAt = -Infinity;
  var clock = audio ? audioClock(audio) : frameClock();

  // ---------------------------------------------------------------------------------------------
  // Clocks: the same five calls over the recording or over requestAnimationFrame time.

  function frameClock() {
    var baseMs = 0;
    var baseAt = 0;
    var playing = false;
    var now = function () {
      if (!playing) return baseMs;
      return Math.min(totalMs, baseMs + (performance.now() - baseAt) * rate);
    };
    return {
      kind: 'frame',
      now: now,
      playing: function () {
        return playing;
      },
      play: function () {
        if (playing) return;
        if (baseMs >= totalMs) baseMs = 0;
        baseAt = performance.now();
        playing = true;
      },
      pause: function () {
        baseMs = now();
        playing = false;
      },
      seek: function (ms) {
        baseMs = ms;
        baseAt = performance.now();
      },
      setRate: function () {
        baseMs = now(); // called before the new rate is set: the time so far ran at the old one
        baseAt = performance.now();
      },
      // The frame clock stops itself at the end of the call.
      ended: function () {
        return playing && now() >= totalMs;
      },
    };
  }

  function audioClock(media) {
    var pendingMs = null; // a seek before the recording's metadata is known
    var failed = false;
    media.addEventListener('loadedmetadata', onMetadata);
    function onMetadata() {
      if (isFinite(media.duration) && media.duration * 1000 > totalMs) {
        totalMs = media.duration * 1000;
        seekBar.max = String(totalMs);
        totalLabel.textContent = formatTime(totalMs);
      }
      if (pendingMs !== null) media.currentTime = pendingMs / 1000;
      pendingMs = null;
    }
    ['play', 'playing', 'pause', 'ended', 'seeked', 'ratechange'].forEach(function (type) {
      media.addEventListener(type, onMediaEvent);
    });
    media.addEventListener('error', fallBack);
    // The metadata, or the failure, may have come before this script ran.
    if (media.readyState >= 1) setTimeout(onMetadata);
    if (media.error) setTimeout(fallBack);
    function fallBack() {
      if (failed || clock.kind !== 'audio') return;
      failed = true;
      // Without the recording the transcript still plays, on its own clock.
      var at = clock.now();
      var wanted = root.classList.contains('is-playing');
      clock = frameClock();
      clock.seek(at);
      part('player-audio-failed').hidden = false;
      if (wanted) play();
      else syncPlayButton();
    }
    return {
      kind: 'audio',
      now: function () {
        if (pendingMs !== null) return pendingMs;
        return media.currentTime * 1000;
      },
      playing: function () {
        return !media.paused && !media.ended;
      },
      play: function () {
        media.playbackRate = rate;
        var started = media.play();
        if (started && started.catch) {
          started.catch(function (e) {
            if (e && e.name === 'NotSupportedError') fallBack();
          });
        }
      },
      pause: function () {
        media.pause();
      },
      seek: function (ms) {
        if (media.readyState === 0) pendingMs = ms;
        else media.currentTime = ms / 1000;
      },
      setRate: function (value) {
        media.playbackRate = value;
      },
      ended: function () {
        return media.ended;
      },
    };
  }

  function onMediaEvent() {
    syncPlayButton();
    if (clock.playing()) startLoop();
    else render(clock.now(), false);
  }

  // ---------------------------------------------------------------------------------------------
  // The frame loop: a binary search, and the DOM touched only when something shown changes.

  function startLoop() {
    if (!frame) frame = requestAnimationFrame(tick);
  }

  function tick() {
    frame = 0;
    if (clock.ended()) {
      clock.pause();
      syncPlayButton();
    }
    render(clock.now(), false);
    if (clock.playing()) frame = requestAnimationFrame(tick);
  }

  function render(ms, userSeek) {
    var text = formatTime(ms);
    if (text !== shownTime) {
      shownTime = text;
      elapsedLabel.textContent = text;
      seekBar.setAttribute('aria-valuetext', text + ' / ' + formatTime(totalMs));
    }
    // The thumb moves about a pixel a step: on a long call, a seek-bar write every frame is waste.
    var grain = Math.max(50, totalMs / 2000);
    var position = Math.round(ms / grain) * grain;
    if (!dragging && position !== shownSeek) {
      shownSeek = position;
      seekBar.value = String(position);
    }
    var i = turnAt(ms);
    if (i !== current) setCurrent(i, userSeek);
    else if (userSeek && i >= 0) keepInView(turns[i].el, true);
  }

  /** The last turn that has started by `ms` (-1 before the first). */
  function turnAt(ms) {
    var n = starts.length;
    if (current >= 0 && starts[current] <= ms && (current + 1 >= n || starts[current + 1] > ms)) {
      return current;
    }
    var lo = 0;
    var hi = n - 1;
    var found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= ms) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  function setCurrent(i, userSeek) {
    if (current >= 0) {
      turns[current].el.classList.remove('is-current');
      turns[current].el.removeAttribute('aria-current');
    }
    current = i;
    if (i < 0) return;
    var el = turns[i].el;
    el.classList.add('is-current');
    el.setAttribute('aria-current', 'time');
    keepInView(el, userSeek);
    document.dispatchEvent(
      new CustomEvent('qa-replay:turn', { detail: { id: el.id, startMs: turns[i].start } }),
    );
  }

  /** Scrolls the transcript to the turn if it is out of view, unless the user just scrolled. */
  function keepInView(el, force) {
    var now = performance.now();
    if (!force && now - lastUserScrollAt < USER_SCROLL_GRACE_MS) return;
    var inner =
      scroller !== document.scrollingElement && scroller.scrollHeight > scroller.clientHeight;
    var box = inner ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    var top = box.top + (inner && head ? head.offsetHeight : 0);
    var r = el.getBoundingClientRect();
    if (r.top >= top && r.bottom <= box.bottom) return;
    var delta = r.top - top - Math.max(0, (box.bottom - top - r.height) / 3);
    ownScrollAt = now;
    if (inner) scroller.scrollTop += delta;
    else window.scrollBy(0, delta);
  }

  function noteUserScroll() {
    if (performance.now() - ownScrollAt > 150) lastUserScrollAt = performance.now();
  }
  function noteUserGesture() {
    lastUserScrollAt = performance.now();
  }

  // ---------------------------------------------------------------------------------------------
  // Commands.

  function play() {
    clock.play();
    syncPlayButton();
    startLoop();
  }

  function pause() {
    clock.pause();
    syncPlayButton();
    render(clock.now(), false);
  }

  function toggle() {
    if (clock.playing()) pause();
    else play();
  }

  function seekTo(ms) {
    ms = Math.max(0, Math.min(totalMs, Number(ms) || 0));
    clock.seek(ms);
    render(ms, true);
    if (clock.playing()) startLoop();
  }

  function stepTurn(delta) {
    if (turns.length === 0) return;
    var i = current < 0 ? 0 : Math.max(0, Math.min(turns.length - 1, current + delta));
    seekTo(turns[i].start);
  }

  function setRate(value) {
    clock.setRate(value);
    rate = value;
    for (var i = 0; i < rateButtons.length; i++) {
      var on = Number(rateButtons[i].getAttribute('data-rate')) === value;
      rateButtons[i].setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  function syncPlayButton() {
    var playing = clock.playing();
    root.classList.toggle('is-playing', playing);
    var label = playButton.getAttribute(playing ? 'data-label-pause' : 'data-label-play') || '';
    if (playButton.getAttribute('aria-label') !== label) {
      playButton.setAttribute('aria-label', label);
      playButton.title = label;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The marks on the seek bar.

  function drawMarkers() {
    var kinds = {};
    var legend = root.querySelectorAll('.player-legend [data-kind]');
    for (var i = 0; i < legend.length; i++) {
      kinds[legend[i].getAttribute('data-kind')] = legend[i].textContent.trim();
    }
    var markers = Array.isArray(data.markers) ? data.markers : [];
    var fragment = document.createDocumentFragment();
    markers.forEach(function (m) {
      var ms = Number(m.ms);
      if (!isFinite(ms)) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'marker kind-' + m.kind;
      button.setAttribute('data-seek-ms', String(ms));
      button.setAttribute('data-kind', m.kind);
      var title = (kinds[m.kind] || m.kind) + ' ' + formatTime(ms) + ' — ' + m.label;
      if (m.detail) title += ': ' + m.detail;
      if (m.author) title += ' (' + m.author + ')';
      button.title = title;
      button.setAttribute('aria-label', title);
      button.style.left = Math.min(100, (ms / totalMs) * 100) + '%';
      fragment.appendChild(button);
    });
    markerTrack.appendChild(fragment);
  }

  // ---------------------------------------------------------------------------------------------
  // Search in the transcript: every matching turn marked, next/previous seek to one.

  var texts = null;
  var matches = [];
  var activeMatch = -1;
  var searchTimer = 0;

  function normalize(s) {
    return (s.normalize ? s.normalize('NFC') : s).toLowerCase();
  }

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
    var query = normalize(searchInput.value.trim());
    if (query === '') {
      searchCount.textContent = '';
      return;
    }
    if (texts === null) {
      texts = turns.map(function (t, i) {
        var box = textOf(i);
        return box ? normalize(box.textContent) : '';
      });
    }
    for (var i = 0; i < turns.length; i++) {
      var at = texts[i].indexOf(query);
      if (at < 0) continue;
      matches.push(i);
      turns[i].el.classList.add('is-match');
      highlight(textOf(i), texts[i], query);
    }
    showCount();
  }

  /** Wraps each occurrence in <mark>, when the normalised text lines up with the shown one. */
  function highlight(box, normalized, query) {
    var original = box.textContent;
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

  function showCount() {
    searchCount.textContent =
      (activeMatch < 0 ? (matches.length ? '–' : '0') : String(activeMatch + 1)) +
      ' / ' +
      matches.length;
  }

  /** Next (+1) or previous (-1) match: from the active one, else from the current turn. */
  function stepMatch(direction) {
    if (searchTimer) {
      clearTimeout(searchTimer);
      searchTimer = 0;
      runSearch();
    }
    var n = matches.length;
    if (n === 0) return;
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
    seekTo(turns[matches[next]].start);
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring.

  function isTyping(target) {
    if (!target || target === seekBar) return false;
    if (target.isContentEditable) return true;
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
  }

  function activatesOnSpace(target) {
    var tag = target && target.tagName;
    return (
      tag === 'BUTTON' ||
      tag === 'SUMMARY' ||
      (target && target.getAttribute && target.getAttribute('role') === 'button')
    );
  }

  // By physical key as well as by character: with Korean input on, j and k type ㅓ and ㅏ.
  function commandOf(e) {
    if (e.key === ' ' || e.key === 'Spacebar' || e.code === 'Space') return 'toggle';
    if (e.key === 'ArrowLeft') return 'back';
    if (e.key === 'ArrowRight') return 'forward';
    if (e.key === 'j' || e.key === 'J' || e.code === 'KeyJ') return 'nextTurn';
    if (e.key === 'k' || e.key === 'K' || e.code === 'KeyK') return 'previousTurn';
    return null;
  }

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (isTyping(e.target)) return;
    var command = commandOf(e);
    if (command === null || (command === 'toggle' && activatesOnSpace(e.target))) return;
    e.preventDefault();
    if (command === 'toggle') toggle();
    else if (command === 'back') seekTo(clock.now() - SEEK_STEP_MS);
    else if (command === 'forward') seekTo(clock.now() + SEEK_STEP_MS);
    else if (command === 'nextTurn') stepTurn(1);
    else stepTurn(-1);
  });

  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var clicked = /** @type {Element | null} */ (e.target);
    var target = clicked && clicked.closest ? clicked.closest('[data-seek-ms]') : null;
    if (!target) return;
    var ms = Number(target.getAttribute('data-seek-ms'));
    if (!isFinite(ms)) return;
    if (target.tagName === 'A' || target.tagName === 'BUTTON') {
      e.preventDefault();
      releaseFocus(e, target);
    }
    seekTo(ms);
  });

  // After a mouse click the focus goes back to the page, so that space and the arrows drive the
  // player rather than click the button again; a click from the keyboard keeps its focus.
  function releaseFocus(e, element) {
    if (e.detail > 0 && element.blur) element.blur();
  }

  playButton.addEventListener('click', function (e) {
    toggle();
    releaseFocus(e, playButton);
  });
  for (var r = 0; r < rateButtons.length; r++) {
    rateButtons[r].addEventListener('click', function (e) {
      var value = Number(/** @type {Element} */ (e.currentTarget).getAttribute('data-rate'));
      if (RATES.indexOf(value) >= 0) setRate(value);
      releaseFocus(e, e.currentTarget);
    });
  }

  seekBar.addEventListener('pointerdown', function () {
    dragging = true;
  });
  document.addEventListener('pointerup', function () {
    if (!dragging) return;
    dragging = false;
    shownSeek = -1;
  });
  seekBar.addEventListener('input', function () {
    seekTo(Number(seekBar.value));
  });

  searchInput.addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      searchTimer = 0;
      runSearch();
    }, 150);
  });
  searchInput.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      e.preventDefault();
      stepMatch(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      searchInput.value = '';
      runSearch();
    }
  });
  part('player-search-next').addEventListener('click', function (e) {
    stepMatch(1);
    releaseFocus(e, e.currentTarget);
  });
  part('player-search-prev').addEventListener('click', function (e) {
    stepMatch(-1);
    releaseFocus(e, e.currentTarget);
  });

  var scrollTarget = scroller === document.scrollingElement ? window : scroller;
  scrollTarget.addEventListener('scroll', noteUserScroll, { passive: true });
  scroller.addEventListener('wheel', noteUserGesture, { passive: true });
  scroller.addEventListener('touchmove', noteUserGesture, { passive: true });

  // ---------------------------------------------------------------------------------------------
  // Start.

  window.qaReplay = {
    seek: function (ms) {
      seekTo(ms);
    },
    play: play,
    pause: pause,
    currentMs: function () {
      return Math.round(clock.now());
    },
  };
  seekBar.max = String(totalMs);
  totalLabel.textContent = formatTime(totalMs);
  drawMarkers();
  root.hidden = false;
  var fromHash = /^#turn-\d+$/.test(location.hash)
    ? document.getElementById(location.hash.slice(1))
    : null;
  var hashStart = fromHash ? Number(fromHash.getAttribute('data-start-ms')) : NaN;
  if (isFinite(hashStart)) seekTo(hashStart);
  else render(0, false);
  syncPlayButton();

  function formatTime(ms) {
    var total = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = total % 60;
    var ss = (s < 10 ? '0' : '') + s;
    if (h > 0) return h + ':' + (m < 10 ? '0' : '') + m + ':' + ss;
    return m + ':' + ss;
  }

  /**
   * @param {string} id
   * @returns {HTMLElement}
   */
  function part(id) {
    return /** @type {HTMLElement} */ (document.getElementById(id));
  }

  /** @returns {Partial<ReplayData>} the page's #replay-data; the fields are checked where read. */
  function readData() {
    var el = document.getElementById('replay-data');
    try {
      return (el && JSON.parse(el.textContent)) || {};
    } catch (e) {
      return {};
    }
  }
})();
