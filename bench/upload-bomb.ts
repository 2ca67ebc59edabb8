/**
 * `npm run build && npm run bench:upload-bomb` — issue 13's zip-bomb probes against the built app
 * (`dist/`, so the worker runs compiled, as in production), default limits (MAX_UPLOAD_MB 20 per
 * file, MAX_UNPACKED_MB 512 per request), each in one `POST /api/interactions/import`:
 * - "one file": the issue's probe, four zips of one 400 MB file of zeros each (~0.4 MB packed):
 *   each file is inflated no further than 20 MB and fails alone (200, four failures);
 * - "budget": four zips of ten 16 MB files of zeros each (640 MB, every file under 20 MB): the
 *   request's 512 MB is crossed (413).
 * /health is asked one request after another, idle first (the baseline) and then while the upload
 * is read; the server's resident memory is sampled from /proc meanwhile and 10 s after.
 */
import { spawn } from 'child_process';
import { zipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PORT = Number(process.env.BENCH_PORT ?? 3971);
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = 'bench-admin@bench.local';
const PASSWORD = 'bench-password-2026';
const MB = 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function health(): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${BASE}/health`);
  await res.text();
  if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
  return performance.now() - t0;
}

async function main() {
  // Built first: the app's idle keep-alive connections would time out meanwhile.
  const probes = [
    {
      name: 'one file',
      zip: zipSync({ 'zeros.txt': new Uint8Array(400 * MB) }, { level: 9 }),
      what: 'one file of 400 MB',
    },
    {
      name: 'budget',
      zip: zipSync(
        Object.fromEntries(
          Array.from({ length: 10 }, (_, i) => [`zeros-${i}.txt`, new Uint8Array(16 * MB)]),
        ),
        { level: 9 },
      ),
      what: 'ten files of 16 MB',
    },
  ].map((probe) => {
    const form = new FormData();
    for (let i = 1; i <= 4; i++) form.append('files', new Blob([probe.zip]), `bomb-${i}.zip`);
    return { ...probe, form };
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bomb-'));
  const env = { ...process.env };
  delete env.DATABASE_URL; // a fresh SQLite file
  const server = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: EMAIL,
      ADMIN_PASSWORD: PASSWORD,
      AUTOQA: 'off',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      if (await health().catch(() => null)) break;
      if (i > 300) throw new Error('the app did not start');
      await sleep(200);
    }
    const login = await fetch(`${BASE}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const page = await (await fetch(`${BASE}/imports`, { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1];

    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(await health());
    const before = rssMb(server.pid!);

    const f = (n: number) => n.toFixed(1);
    console.log(
      `/health idle (baseline): p50 ${f(pct(idle, 50))} ms, p99 ${f(pct(idle, 99))} ms, max ${f(Math.max(...idle))} ms (${idle.length} requests); server RSS ${f(before)} MB`,
    );
    for (const { name, zip, what, form } of probes) {
      console.log(
        `probe "${name}": zip of ${what} (${(zip.length / 1024).toFixed(0)} kB packed), ×4 in one request`,
      );
      for (let round = 1; round <= ROUNDS; round++) {
        let done = false;
        const t0 = performance.now();
        const upload = fetch(`${BASE}/api/interactions/import`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'accept-language': 'en' },
          body: form,
        }).then(async (res) => {
          const body = (await res.json()) as {
            message?: string;
            failed?: number;
            results?: { reason?: string }[];
          };
          done = true;
          const message =
            body.message ?? `${body.failed} failed, e.g. "${body.results?.[0]?.reason ?? ''}"`;
          return { status: res.status, message, ms: performance.now() - t0 };
        });
        let peak = rssMb(server.pid!);
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 20);
        const during: number[] = [];
        while (!done) during.push(await health());
        const answer = await upload;
        clearInterval(sampler);
        await sleep(10_000);
        const after = rssMb(server.pid!);
        console.log(`round ${round}: ${answer.status} in ${f(answer.ms)} ms — ${answer.message}`);
        console.log(
          `  /health during upload: p50 ${f(pct(during, 50))} ms, p99 ${f(pct(during, 99))} ms, max ${f(Math.max(...during))} ms (${during.length} requests)`,
        );
        console.log(`  server RSS: ${f(peak)} MB peak, ${f(after)} MB 10 s after`);
        await health(); // a fresh connection before the next round
      }
    }
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
