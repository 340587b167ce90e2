import type { Services } from '../server/services.ts';

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: Services;
    requestId: string;
    /** This response's Content-Security-Policy nonce, for inline scripts. */
    cspNonce: string;
  }
}

export {};
