/**
 * The pieces of the multi-instance test: app processes (the built app, `node dist/src/main.js`),
 * HAProxy in front of them, and an HTTP client signed in through a session cookie.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface Instance {
  port: number;
  dataDir: string;
  process: ChildProcess | null;
  log: string;
}

export function startInstance(instance: Instance, env: Record<string, string>): void {
  const entry = process.env.APP_ENTRY ?? path.join(ROOT, 'dist', 'src', 'main.js');
  const out = fs.openSync(instance.log, 'a');
  instance.process = spawn('node', [entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(instance.port), DATA_DIR: instance.dataDir },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
}

export async function waitHealthy(
  port: number,
  instance: Instance | null = null,
  timeoutMs = 90_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const exit = instance?.process?.exitCode;
    if (exit !== undefined && exit !== null) {
      throw new Error(`the instance on port ${port} exited with ${exit} (log: ${instance!.log})`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`nothing answered on port ${port} within ${timeoutMs} ms`);
}

export function stop(instance: Instance, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = instance.process;
  instance.process = null;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** HAProxy round-robin over the instances, with health checks; null when it is not installed. */
export function startHaproxy(port: number, backends: number[], dir: string): ChildProcess | null {
  if (spawnSync('sh', ['-c', 'command -v haproxy']).status !== 0) return null;
  const config = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(config, haproxyConfig(port, backends));
  return spawn('haproxy', ['-db', '-f', config], {
    stdio: ['ignore', fs.openSync(path.join(dir, 'haproxy.log'), 'a'), 'inherit'],
  });
}

/** The README's example, on local ports. */
export function haproxyConfig(port: number, backends: number[]): string {
  return `global
  maxconn 1000

defaults
  mode http
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  retries 3
  option redispatch

frontend qa
  bind 127.0.0.1:${port}
  default_backend app

backend app
  balance roundrobin
  option httpchk GET /health
  default-server inter 1s fall 2 rise 1
${backends.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check`).join('\n')}
`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A signed-in browser-like client: the session cookie and its CSRF token on every change. */
export class Client {
  private cookie = '';
  private csrf = '';

  constructor(private base: string) {}

  at(base: string): Client {
    const other = new Client(base);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }

  async login(email: string, password: string): Promise<number> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.ok) {
      const session = res.headers.getSetCookie().find((c) => c.startsWith('qa_session='));
      this.cookie = (session ?? '').split(';')[0];
      this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    } else {
      await res.arrayBuffer();
    }
    return res.status;
  }

  async request(
    method: string,
    url: string,
    body?: FormData | object,
    accept = 'application/json',
  ): Promise<Response> {
    const headers: Record<string, string> = { Cookie: this.cookie, Accept: accept };
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(`${this.base}${url}`, { method, headers, body: payload, redirect: 'manual' });
  }
}
