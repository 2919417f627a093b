/**
 * Debian's Chromium, headless, with the built extension loaded and every host resolved to the
 * test server. Each launch gets a fresh profile that close() removes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import type { TestServer } from './server';
import { CHROMIUM_PATH, DEFAULT_EXTENSION_DIR } from './paths';

/** A request seen through Playwright: pages, frames and the extension's service worker. */
export interface BrowserRequest {
  url: string;
  method: string;
  resourceType: string;
  /** 'service-worker' for the extension's background; 'page' for a tab or frame (incl. content scripts). */
  from: 'service-worker' | 'page';
  /** URL of the page or worker that made it. */
  initiatorUrl: string;
  headers: Record<string, string>;
}

export interface LaunchOptions {
  lang?: 'en' | 'ru';
  extensionDir?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** 'active': the system's high-contrast mode (Windows), as Chromium emulates it. */
  forcedColors?: 'active' | 'none';
  hasTouch?: boolean;
  isMobile?: boolean;
  /** Extra Chromium switches (the bench adds --js-flags=--expose-gc). */
  args?: string[];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** opens chrome-extension://ID/<path> */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Every request Playwright saw, in order. Chromium's own background traffic does not appear
   * here (it does in server.requests), so this is the list to check for what the extension
   * and the pages sent.
   */
  browserRequests: BrowserRequest[];
  /** The fresh profile folder; close() removes it. */
  userDataDir: string;
  close(): Promise<void>;
}

const SERVICE_WORKER_TIMEOUT_MS = 15_000;
const CLOSE_TIMEOUT_MS = 10_000;
/** A build running at the same moment (another terminal) empties .output for about a second. */
const MANIFEST_WAIT_MS = 8_000;

async function appears(file: string, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (!existsSync(file)) {
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
  return true;
}

export async function launchExtension(server: TestServer, opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = path.resolve(opts.extensionDir ?? DEFAULT_EXTENSION_DIR);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  if (!(await appears(path.join(extensionDir, 'manifest.json'), MANIFEST_WAIT_MS))) {
    throw new Error(`no built extension at ${extensionDir}: run npm run build first`);
  }

  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'not-alone-e2e-profile-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Every host, on any scheme and port, goes to the test server: nothing leaves the machine,
    // and everything the browser asks for is recorded there.
    `--host-resolver-rules=MAP * 127.0.0.1:${server.port},EXCLUDE localhost`,
    '--ignore-certificate-errors',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-dev-shm-usage',
  ];
  if (opts.lang) args.push(`--lang=${opts.lang}`);
  if (opts.args) args.push(...opts.args);

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args,
      // Playwright's default list includes --disable-extensions; the except-switch overrides it,
      // but dropping it keeps the command line unambiguous.
      ignoreDefaultArgs: ['--disable-extensions'],
      ...(opts.lang && { locale: opts.lang === 'ru' ? 'ru-RU' : 'en-US' }),
      ...(opts.viewport && { viewport: opts.viewport }),
      ...(opts.colorScheme && { colorScheme: opts.colorScheme }),
      ...(opts.forcedColors && { forcedColors: opts.forcedColors }),
      ...(opts.hasTouch !== undefined && { hasTouch: opts.hasTouch }),
      ...(opts.isMobile !== undefined && { isMobile: opts.isMobile }),
    });
  } catch (err) {
    removeProfile(userDataDir);
    throw err;
  }

  const browserRequests: BrowserRequest[] = [];
  context.on('request', (req) => browserRequests.push(describeRequest(req)));

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= shutDown(context, userDataDir));

  try {
    const serviceWorker = await waitForExtensionWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      serviceWorker,
      browserRequests,
      userDataDir,
      async openExtensionPage(pagePath) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\//, '')}`);
        return page;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

async function waitForExtensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isExtension);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: SERVICE_WORKER_TIMEOUT_MS });
  } catch {
    throw new Error(
      `the extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS} ms ` +
        '(does the build have a background entrypoint, and does background.js throw at start?)',
    );
  }
}

function describeRequest(req: Request): BrowserRequest {
  const worker = req.serviceWorker();
  let initiatorUrl = worker?.url() ?? '';
  if (!worker) {
    try {
      initiatorUrl = req.frame().url();
    } catch {
      // Requests without a frame (rare: some prefetches) keep an empty initiator.
    }
  }
  return {
    url: req.url(),
    method: req.method(),
    resourceType: req.resourceType(),
    from: worker ? 'service-worker' : 'page',
    initiatorUrl,
    headers: req.headers(),
  };
}

async function shutDown(context: BrowserContext, userDataDir: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([
    context.close().then(() => true, () => false),
    new Promise<false>((r) => (timer = setTimeout(() => r(false), CLOSE_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  // A browser that would not close: kill the processes of this profile only, by pid.
  if (!inTime) killProfileProcesses(userDataDir);
  removeProfile(userDataDir);
}

function killProfileProcesses(userDataDir: string): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${userDataDir}`)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
}

function removeProfile(userDataDir: string): void {
  // Chromium may still be flushing files for a moment after exit; retry rather than leak the dir.
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
