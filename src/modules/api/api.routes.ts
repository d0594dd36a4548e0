import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

export function apiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  return r;
}
