// @ts-check
// The marks on the seek bar: auto-QA findings, comments, evidence, each a button that seeks.
import { formatTime } from './time.js';

/**
 * @param {HTMLElement} root the player (its legend names the kinds)
 * @param {HTMLElement} track where the marks go
 * @param {ReplayData['markers']} markers
 * @param {number} totalMs
 */
export function drawMarkers(root, track, markers, totalMs) {
  /** @type {Record<string, string>} */
  var kinds = {};
  var legend = root.querySelectorAll('.player-legend [data-kind]');
  for (var i = 0; i < legend.length; i++) {
    kinds[legend[i].getAttribute('data-kind') || ''] = (legend[i].textContent || '').trim();
  }
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
  track.appendChild(fragment);
}
