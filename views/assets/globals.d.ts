/**
 * The contract between the server-rendered pages and views/assets/*.js, checked by
 * `tsc -p tsconfig.assets.json` (npm run check): the JSON the replay page embeds is built from
 * the server's own types, and window.qaReplay is what replay.js offers the scoring page.
 */
import type { ReplayMarker } from '../../src/evaluations/replay-markers';

declare global {
  /** #replay-data on the replay and scoring pages (views/partials/transcript-player.hbs). */
  interface ReplayData {
    durationMs: number;
    markers: ReplayMarker[];
  }

  /** replay.js's player, driven by the scoring page (workspace.js). */
  interface QaReplay {
    seek(ms: number): void;
    play(): void;
    pause(): void;
    currentMs(): number;
  }

  /** autosave.js on the scoring page: save now (tests, other scripts) and what is unsaved. */
  interface QaAutosave {
    flush(): Promise<void>;
    pending(): number;
  }

  interface Window {
    qaReplay?: QaReplay;
    qaAutosave?: QaAutosave;
  }
}
