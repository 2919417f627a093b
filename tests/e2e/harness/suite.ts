/**
 * The setup most e2e files share: a server and a browser with the extension for the whole file
 * (or describe block), both closed after it.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchExtension, type ExtensionBrowser, type LaunchOptions } from './browser';
import { startServer, type TestServer } from './server';

export interface SuiteOptions extends LaunchOptions {
  /** Runs on the fresh server before the browser starts: for routes needed from the first request on. */
  beforeLaunch?: (server: TestServer) => void | Promise<void>;
  /**
   * Launch against this suite's server instead of a new one: a second browser (another language,
   * say) that sees the same routes. The owning suite closes the server.
   */
  serverOf?: ExtensionSuite;
}

/** Read `server` and `ext` in hooks and tests: they exist only once beforeAll has run. */
export interface ExtensionSuite {
  readonly server: TestServer;
  readonly ext: ExtensionBrowser;
}

/**
 * Registers the beforeAll/afterAll pair in the calling scope. It hands back getters rather than
 * values because the hooks have not run yet when a file is collected; a getter read too early
 * throws a clear message instead of handing out undefined.
 */
export function useExtension(options: SuiteOptions = {}): ExtensionSuite {
  const { beforeLaunch, serverOf, ...launch } = options;
  let server: TestServer | undefined;
  let ext: ExtensionBrowser | undefined;

  beforeAll(async () => {
    server = serverOf ? serverOf.server : await startServer();
    await beforeLaunch?.(server);
    ext = await launchExtension(server, launch);
  });
  afterAll(async () => {
    await ext?.close();
    if (!serverOf) await server?.close();
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useExtension: ${name} is read before beforeAll ran (or it failed to start)`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get ext() {
      return ready(ext, 'ext');
    },
  };
}
