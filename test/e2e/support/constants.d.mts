export declare const SPA_PORT: number;
export declare const SPA_ORIGIN: string;
export declare const OP_PORT: number;
export declare const OP_ORIGIN: string;
export declare const E2E_DIST: string;
export declare const E2E_BUILD_ENV: Record<string, string>;
