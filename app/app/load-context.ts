import type { Services } from '../server/services.ts';

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: Services;
    requestId: string;
  }
}

export {};
