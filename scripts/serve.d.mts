import type { Server } from 'node:http';

export declare const CONTENT_SECURITY_POLICY: string;
export declare function serve(options: {
  root: string;
  port: number;
  host?: string;
  routes?: Record<string, { type: string; body: string }>;
}): Promise<Server>;
