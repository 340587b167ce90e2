import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionFunctionArgs, EntryContext, LoaderFunctionArgs, ServerBuild } from '@remix-run/node';
import { CLIENT_ADDRESS_HEADER } from '@brobygger/auth';
import { parseEnv, type Env } from '@brobygger/env';
import { createInlineJobQueue } from '@brobygger/jobs';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import { createServices, type Services } from '../services.ts';

/**
 * A stand-in Remix build with one page, so the server's own behaviour (headers, limits, origin
 * checks, logging) is tested over real HTTP without building the app first. The page answers
 * with what the server handed Remix: the client address, the body it read.
 */
export const fakeBuild: ServerBuild = {
  mode: 'production',
  entry: {
    module: {
      default: (_request: Request, status: number, headers: Headers, context: EntryContext) => {
        headers.set('Content-Type', 'text/html');
        const data = JSON.stringify(context.staticHandlerContext.loaderData);
        return new Response(`<!doctype html><html><body><pre>${data}</pre></body></html>`, { status, headers });
      },
    },
  },
  routes: {
    root: {
      id: 'root',
      path: '',
      module: {
        default: () => null,
        loader: ({ request }: LoaderFunctionArgs) => ({ address: request.headers.get(CLIENT_ADDRESS_HEADER) }),
        action: async ({ request }: ActionFunctionArgs) => ({ received: (await request.text()).length }),
      },
    },
    'routes/page': {
      id: 'routes/page',
      parentId: 'root',
      path: '*',
      module: { default: () => null, loader: () => ({ page: true }), action: () => ({ posted: true }) },
    },
  },
  assets: { entry: { imports: [], module: '' }, routes: {}, url: '', version: 'test' },
  publicPath: '/',
  assetsBuildDirectory: '',
  future: {
    v3_fetcherPersist: false,
    v3_relativeSplatPath: false,
    v3_throwAbortReason: false,
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: false,
  },
  isSpaMode: false,
} as unknown as ServerBuild;

export type TestServer = {
  url: string;
  env: Env;
  logs: Record<string, unknown>[];
  /** The server's own services, e.g. its auth provider, to sign in as a browser would. */
  services: Services;
  close: () => Promise<void>;
};

/** The app on a free port with the given environment (the test database's pools are already set). */
export async function serve(vars: Record<string, string> = {}, build: ServerBuild = fakeBuild): Promise<TestServer> {
  const env = parseEnv({ LOG_LEVEL: 'info', ...vars });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger(env.LOG_LEVEL, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const services = createServices(env, logger, createInlineJobQueue());
  const app = createApp({ env, logger, services, build: async () => build });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env,
    logs,
    services,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Signs up and in through the server's own auth provider, as the login form does: the session
 * cookie header to send, and who it is.
 */
export async function signInThrough(
  server: TestServer,
  name: string,
): Promise<{ cookie: string; id: string; email: string }> {
  const email = `${name}-${crypto.randomUUID().slice(0, 8)}@test.brobygger.dk`;
  const password = 'a-long-enough-test-password';
  const request = () =>
    new Request(`${server.url}/login`, { method: 'POST', headers: { [CLIENT_ADDRESS_HEADER]: '127.0.0.1' } });
  const signedUp = await server.services.auth.signUp(request(), { email, password, name });
  if (!signedUp.ok) throw new Error(`sign-up failed: ${signedUp.reason}`);
  const signedIn = await server.services.auth.signInWithPassword(request(), email, password);
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.reason}`);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, id: signedIn.session.userId, email };
}
