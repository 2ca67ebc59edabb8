// @ts-check
// The player's keyboard: space plays/pauses, ←/→ move 5 s, j/k the next/previous turn.

/**
 * Whether a key press belongs to a field being typed in (the seek bar is not one).
 * @param {EventTarget | null} target
 * @param {Element} seekBar
 */
export function isTyping(target, seekBar) {
  if (!(target instanceof HTMLElement) || target === seekBar) return false;
  if (target.isContentEditable) return true;
  var tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Space already activates buttons and summaries: it is theirs, not the player's.
 * @param {EventTarget | null} target
 */
export function activatesOnSpace(target) {
  if (!(target instanceof Element)) return false;
  var tag = target.tagName;
  return tag === 'BUTTON' || tag === 'SUMMARY' || target.getAttribute('role') === 'button';
}

/**
 * By physical key as well as by character: with Korean input on, j and k type ㅓ and ㅏ.
 * @param {KeyboardEvent} e
 * @returns {'toggle' | 'back' | 'forward' | 'nextTurn' | 'previousTurn' | null}
 */
export function commandOf(e) {
  if (e.key === ' ' || e.key === 'Spacebar' || e.code === 'Space') return 'toggle';
  if (e.key === 'ArrowLeft') return 'back';
  if (e.key === 'ArrowRight') return 'forward';
  if (e.key === 'j' || e.key === 'J' || e.code === 'KeyJ') return 'nextTurn';
  if (e.key === 'k' || e.key === 'K' || e.code === 'KeyK') return 'previousTurn';
  return null;
}
