/**
 * The silence threshold of a scorecard's `silence` criterion that names none: a gap longer than
 * this is a silence. Auto-QA's detector and the replay's markers both read it.
 */
export const DEFAULT_SILENCE_MS = 10_000;
