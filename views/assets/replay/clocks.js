// @ts-check
// Clocks: the same calls over the recording or over requestAnimationFrame time. Both read the
// call's length and the playback rate from the player's shared `timing`.

/**
 * @typedef {{ totalMs: number, rate: number }} Timing
 * @typedef {{
 *   kind: 'frame' | 'audio',
 *   now(): number,
 *   playing(): boolean,
 *   play(): void,
 *   pause(): void,
 *   seek(ms: number): void,
 *   setRate(value: number): void,
 *   ended(): boolean,
 * }} Clock
 */

/**
 * A clock of its own: performance.now() scaled by the rate, stopping at the end of the call.
 * @param {Timing} timing
 * @returns {Clock}
 */
export function frameClock(timing) {
  var baseMs = 0;
  var baseAt = 0;
  var playing = false;
  var now = function () {
    if (!playing) return baseMs;
    return Math.min(timing.totalMs, baseMs + (performance.now() - baseAt) * timing.rate);
  };
  return {
    kind: 'frame',
    now: now,
    playing: function () {
      return playing;
    },
    play: function () {
      if (playing) return;
      if (baseMs >= timing.totalMs) baseMs = 0;
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
    ended: function () {
      return playing && now() >= timing.totalMs;
    },
  };
}

/**
 * The recording's clock. `events.duration` is told a longer length than the transcript's,
 * `events.changed` every play/pause/seek/rate event, `events.failed` (once) when the recording
 * cannot be played: the player then goes on with a frame clock.
 * @param {HTMLMediaElement} media
 * @param {Timing} timing
 * @param {{ duration(ms: number): void, changed(): void, failed(): void }} events
 * @returns {Clock}
 */
export function audioClock(media, timing, events) {
  /** @type {number | null} a seek before the recording's metadata is known */
  var pendingMs = null;
  var failed = false;
  media.addEventListener('loadedmetadata', onMetadata);
  function onMetadata() {
    if (isFinite(media.duration) && media.duration * 1000 > timing.totalMs) {
      events.duration(media.duration * 1000);
    }
    if (pendingMs !== null) media.currentTime = pendingMs / 1000;
    pendingMs = null;
  }
  ['play', 'playing', 'pause', 'ended', 'seeked', 'ratechange'].forEach(function (type) {
    media.addEventListener(type, events.changed);
  });
  media.addEventListener('error', fallBack);
  // The metadata, or the failure, may have come before this script ran.
  if (media.readyState >= 1) setTimeout(onMetadata);
  if (media.error) setTimeout(fallBack);
  function fallBack() {
    if (failed) return;
    failed = true;
    events.failed();
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
      media.playbackRate = timing.rate;
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
