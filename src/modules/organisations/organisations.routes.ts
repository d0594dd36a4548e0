import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

export function organisationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  return r;
}
