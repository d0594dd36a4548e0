import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

export function accountsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  return r;
}
