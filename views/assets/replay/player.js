// @ts-check
// The replay player of the interaction and scoring pages: plays the transcript in time (driven
// by the recording when there is one), marks for auto-QA findings and comments on the seek bar,
// search, keyboard. Without JavaScript the page is the whole transcript and the player stays
// hidden. Loaded as a module by views/assets/replay.js; its parts are in this folder.
//
// Contract with the page: li.turn[data-start-ms] in ol.turns (read here, not duplicated in
// JSON), #replay-data (JSON: durationMs, markers), any [data-seek-ms] element seeks on click, and
// window.qaReplay = { seek(ms), play(), pause(), currentMs() }. A 'qa-replay:turn' event on
// document tells which turn became current.
import { audioClock, frameClock } from './clocks.js';
import { activatesOnSpace, commandOf, isTyping } from './keys.js';
import { drawMarkers } from './markers.js';
import { wireSearch } from './search.js';
import { formatTime } from './time.js';

var SEEK_STEP_MS = 5000;
var USER_SCROLL_GRACE_MS = 3000;
var RATES = [1, 1.5, 2, 4];

/**
 * Starts the player when its parts are on the page (the same partial as #replay-player,
 * views/partials/transcript-player.hbs).
 */
export function startPlayer() {
  var root = document.getElementById('replay-player');
  var list = document.querySelector('ol.turns');
  if (!root || !list || !window.requestAnimationFrame) return;
  var player = root;

  var data = readData();
  var audio = document.getElementById('replay-audio');
  var playButton = part('player-play');
  var elapsedLabel = part('player-elapsed');
  var totalLabel = part('player-total');
  var seekBar = /** @type {HTMLInputElement} */ (part('player-seek'));
  var rateButtons = root.querySelectorAll('[data-rate]');
  var scroller = /** @type {Element} */ (list.closest('.transcript') || document.scrollingElement);
  var head = /** @type {HTMLElement | null} */ (scroller.querySelector('.transcript-head'));

  // The turns in time order: starts[i] ascending, for a binary search per frame.
  /** @type {{ el: Element, start: number, order: number }[]} */
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

  /** The call's length and the playback rate, shared with the clocks. */
  var timing = { totalMs: Math.max(Number(data.durationMs) || 0, lastEnd, 1), rate: 1 };
  var current = -1;
  var shownTime = '';
  var shownSeek = -1;
  var dragging = false;
  var frame = 0;
  var lastUserScrollAt = -Infinity;
  var ownScrollAt = -Infinity;
  var clock =
    audio instanceof HTMLMediaElement
      ? audioClock(audio, timing, {
          duration: function (ms) {
            timing.totalMs = ms;
            seekBar.max = String(ms);
            totalLabel.textContent = formatTime(ms);
          },
          changed: onMediaEvent,
          failed: fallBack,
        })
      : frameClock(timing);

  function onMediaEvent() {
    syncPlayButton();
    if (clock.playing()) startLoop();
    else render(clock.now(), false);
  }

  /** Without the recording the transcript still plays, on its own clock. */
  function fallBack() {
    if (clock.kind !== 'audio') return;
    var at = clock.now();
    var wanted = player.classList.contains('is-playing');
    clock = frameClock(timing);
    clock.seek(at);
    part('player-audio-failed').hidden = false;
    if (wanted) play();
    else syncPlayButton();
  }

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

  /**
   * @param {number} ms
   * @param {boolean} userSeek
   */
  function render(ms, userSeek) {
    var text = formatTime(ms);
    if (text !== shownTime) {
      shownTime = text;
      elapsedLabel.textContent = text;
      seekBar.setAttribute('aria-valuetext', text + ' / ' + formatTime(timing.totalMs));
    }
    // The thumb moves about a pixel a step: on a long call, a seek-bar write every frame is waste.
    var grain = Math.max(50, timing.totalMs / 2000);
    var position = Math.round(ms / grain) * grain;
    if (!dragging && position !== shownSeek) {
      shownSeek = position;
      seekBar.value = String(position);
    }
    var i = turnAt(ms);
    if (i !== current) setCurrent(i, userSeek);
    else if (userSeek && i >= 0) keepInView(turns[i].el, true);
  }

  /**
   * The last turn that has started by `ms` (-1 before the first).
   * @param {number} ms
   */
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

  /**
   * @param {number} i
   * @param {boolean} userSeek
   */
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

  /**
   * Scrolls the transcript to the turn if it is out of view, unless the user just scrolled.
   * @param {Element} el
   * @param {boolean} force
   */
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

  /** @param {number} ms */
  function seekTo(ms) {
    ms = Math.max(0, Math.min(timing.totalMs, Number(ms) || 0));
    clock.seek(ms);
    render(ms, true);
    if (clock.playing()) startLoop();
  }

  /** @param {number} delta */
  function stepTurn(delta) {
    if (turns.length === 0) return;
    var i = current < 0 ? 0 : Math.max(0, Math.min(turns.length - 1, current + delta));
    seekTo(turns[i].start);
  }

  /** @param {number} value */
  function setRate(value) {
    clock.setRate(value);
    timing.rate = value;
    for (var i = 0; i < rateButtons.length; i++) {
      var on = Number(rateButtons[i].getAttribute('data-rate')) === value;
      rateButtons[i].setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  function syncPlayButton() {
    var playing = clock.playing();
    player.classList.toggle('is-playing', playing);
    var label = playButton.getAttribute(playing ? 'data-label-pause' : 'data-label-play') || '';
    if (playButton.getAttribute('aria-label') !== label) {
      playButton.setAttribute('aria-label', label);
      playButton.title = label;
    }
  }

  // Wiring.

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (isTyping(e.target, seekBar)) return;
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
    var clicked = e.target instanceof Element ? e.target : null;
    var target = clicked ? clicked.closest('[data-seek-ms]') : null;
    if (!target) return;
    var ms = Number(target.getAttribute('data-seek-ms'));
    if (!isFinite(ms)) return;
    if (target.tagName === 'A' || target.tagName === 'BUTTON') {
      e.preventDefault();
      releaseFocus(e, target);
    }
    seekTo(ms);
  });

  playButton.addEventListener('click', function (e) {
    toggle();
    releaseFocus(e, playButton);
  });
  for (var r = 0; r < rateButtons.length; r++) {
    rateButtons[r].addEventListener('click', function (e) {
      var button = /** @type {Element} */ (e.currentTarget);
      var value = Number(button.getAttribute('data-rate'));
      if (RATES.indexOf(value) >= 0) setRate(value);
      releaseFocus(/** @type {MouseEvent} */ (e), button);
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

  wireSearch({
    turns: turns,
    input: /** @type {HTMLInputElement} */ (part('player-search')),
    count: part('player-search-count'),
    next: part('player-search-next'),
    previous: part('player-search-prev'),
    currentTurn: function () {
      return current;
    },
    seekTo: seekTo,
    releaseFocus: releaseFocus,
  });

  var scrollTarget = scroller === document.scrollingElement ? window : scroller;
  scrollTarget.addEventListener('scroll', noteUserScroll, { passive: true });
  scroller.addEventListener('wheel', noteUserGesture, { passive: true });
  scroller.addEventListener('touchmove', noteUserGesture, { passive: true });

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
  seekBar.max = String(timing.totalMs);
  totalLabel.textContent = formatTime(timing.totalMs);
  drawMarkers(
    root,
    part('player-markers'),
    Array.isArray(data.markers) ? data.markers : [],
    timing.totalMs,
  );
  root.hidden = false;
  var fromHash = /^#turn-\d+$/.test(location.hash)
    ? document.getElementById(location.hash.slice(1))
    : null;
  var hashStart = fromHash ? Number(fromHash.getAttribute('data-start-ms')) : NaN;
  if (isFinite(hashStart)) seekTo(hashStart);
  else render(0, false);
  syncPlayButton();
}

/**
 * After a mouse click the focus goes back to the page, so that space and the arrows drive the
 * player rather than click the button again; a click from the keyboard keeps its focus.
 * @param {MouseEvent} e
 * @param {EventTarget | null} element
 */
function releaseFocus(e, element) {
  if (e.detail > 0 && element instanceof HTMLElement) element.blur();
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
    return (el && JSON.parse(el.textContent || '')) || {};
  } catch (e) {
    return {};
  }
}
