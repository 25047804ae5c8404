// oidc-provider ships no types; only what the test provider (op-server.ts) uses is declared.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ProviderInstance {
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): void;
  }
  const Provider: {
    new (issuer: string, configuration: Record<string, unknown>): ProviderInstance;
    readonly errors: { readonly InvalidTarget: new () => Error };
  };
  export default Provider;
}
