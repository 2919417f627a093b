/**
 * The one local server every host resolves to during e2e runs. It speaks HTTPS and plain HTTP
 * on the same port (the first byte of a connection tells which), so a request the browser makes
 * to any host, on either scheme, arrives here and is recorded.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadTestCert } from './cert';
import { PAGES_DIR } from './paths';

export interface RecordedRequest {
  /** The host the request was for, from the Host header, without port. */
  host: string;
  method: string;
  /** Path with query string, as sent. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  scheme: 'https' | 'http';
  /** `${scheme}://${host}${path}` */
  url: string;
  /** Date.now() when the request arrived. */
  time: number;
}

/** destroy: reset the socket instead of answering (a connection failure). */
export type Route = { status?: number; body?: string | Buffer; headers?: Record<string, string>; delayMs?: number; destroy?: boolean };
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  port: number;
  /** every request that reached the server, any host */
  requests: RecordedRequest[];
  /** override one URL ('https://host/path') with a canned response or a handler */
  route(url: string, r: Route | RouteHandler): void;
  clearRoutes(): void;
  /** Resolves with the first recorded request (past or future) that passes `test`. */
  waitForRequest(test: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.sig': 'application/octet-stream',
};

/** HTTPS server on 127.0.0.1 serving tests/e2e/fixtures/pages/HOST/PATH; see README.md. */
export async function startServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const routes = new Map<string, Route | RouteHandler>();
  const waiters = new Set<{ test: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  const sockets = new Set<net.Socket>();

  const handle = (scheme: 'https' | 'http') => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = hostOf(req.headers.host);
    const reqPath = req.url ?? '/';
    const recorded: RecordedRequest = {
      host,
      method: req.method ?? 'GET',
      path: reqPath,
      headers: { ...req.headers },
      scheme,
      url: `${scheme}://${host}${reqPath}`,
      time: Date.now(),
    };
    requests.push(recorded);
    for (const w of waiters) if (w.test(recorded)) { waiters.delete(w); w.resolve(recorded); }
    // Drain any body so the connection can be reused.
    req.resume();
    const route = routes.get(recorded.url) ?? routes.get(recorded.url.split('?')[0]!);
    if (typeof route === 'function') return route(req, res);
    if (route) return void serveRoute(route, req, res);
    void serveStatic(host, reqPath, req.method ?? 'GET', res);
  };

  const tls = loadTestCert();
  const httpsServer = https.createServer({ key: tls.key, cert: tls.cert }, handle('https'));
  const httpServer = http.createServer(handle('http'));
  // Swallow handshake failures and resets: a client giving up is not a harness failure.
  for (const s of [httpsServer, httpServer]) s.on('clientError', (_err, socket) => socket.destroy());
  httpsServer.on('tlsClientError', () => {});

  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      // 0x16 opens a TLS handshake record; anything else is taken as plain HTTP.
      (first[0] === 0x16 ? httpsServer : httpServer).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (front.address() as net.AddressInfo).port;

  let closed: Promise<void> | undefined;
  return {
    port,
    requests,
    route(url, r) {
      routes.set(normalizeRouteUrl(url), r);
    },
    clearRoutes() {
      routes.clear();
    },
    waitForRequest(test, timeoutMs = 10_000) {
      const seen = requests.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { test, resolve: (r: RecordedRequest) => { clearTimeout(timer); resolve(r); } };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching request within ${timeoutMs} ms; saw: ${requests.map((r) => r.url).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        front.close(() => resolve());
        for (const s of sockets) s.destroy();
        httpsServer.closeAllConnections();
        httpServer.closeAllConnections();
      });
      return closed;
    },
  };
}

function hostOf(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  // "[::1]:443" or "example.org:443" → without the port.
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(hostHeader);
  return (m?.[1] ?? hostHeader).toLowerCase();
}

/** Route keys are 'scheme://host/path[?query]' with the default port dropped and the host lower-cased. */
function normalizeRouteUrl(url: string): string {
  const u = new URL(url);
  const scheme = u.protocol.replace(':', '');
  return `${scheme}://${u.hostname.toLowerCase()}${u.pathname}${u.search}`;
}

async function serveRoute(route: Route, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (route.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
  if (route.destroy) {
    req.socket.destroy();
    return;
  }
  res.writeHead(route.status ?? 200, { 'cache-control': 'no-store', ...route.headers });
  res.end(route.body ?? '');
}

async function serveStatic(host: string, reqPath: string, method: string, res: http.ServerResponse): Promise<void> {
  const file = await findFixture(host, reqPath);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`no fixture for ${host}${reqPath}\n`);
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    // Every test sees the file as it is now, never a copy cached by an earlier test.
    'cache-control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** tests/e2e/fixtures/pages/HOST/PATH; '/' → index.html; no extension → PATH.html. */
async function findFixture(host: string, reqPath: string): Promise<string | undefined> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(reqPath, 'https://x').pathname);
  } catch {
    return undefined;
  }
  if (!host || host.includes('/') || host.startsWith('.')) return undefined;
  const hostDir = path.join(PAGES_DIR, host);
  const base = path.resolve(hostDir, '.' + pathname);
  // Never serve outside the host's folder ("/../../etc").
  if (base !== hostDir && !base.startsWith(hostDir + path.sep)) return undefined;
  const candidates = pathname.endsWith('/')
    ? [path.join(base, 'index.html')]
    : path.extname(base) ? [base] : [base, `${base}.html`, path.join(base, 'index.html')];
  for (const c of candidates) {
    const s = await stat(c).catch(() => undefined);
    if (s?.isFile()) return c;
  }
  return undefined;
}
