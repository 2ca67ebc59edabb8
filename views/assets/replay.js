// @ts-check
// The replay player (a module: <script type="module">). Its code is in views/assets/replay/:
// player.js (time, turns, commands, wiring), clocks.js (recording or frame time), search.js,
// markers.js (the seek bar's marks), keys.js, time.js.
import { startPlayer } from './replay/player.js';

startPlayer();
