/** People pages: the members-only directory, profiles, and one's own profile at /people/me. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { serviceCtx } from '../../platform/http.ts';
import { ValidationError } from '../../platform/errors.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import * as people from './people.service.ts';
import * as v from './people.views.ts';
import { formBody, signInRedirect } from './organisations.routes.ts';

export function peopleRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/people', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    const query = c.req.query();
    try {
      return v.peopleDirectoryPage(c, query, await people.searchPeople(serviceCtx(c), query));
    } catch (e) {
      if (e instanceof ValidationError) return v.peopleDirectoryPage(c, query, null, e.fields, 400);
      throw e;
    }
  });

  r.get('/people/me', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    return v.profileFormPage(c, emptyForm(await people.myProfileForm(serviceCtx(c))));
  });

  r.post('/people/me', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    const body = await formBody(c);
    try {
      const out = await people.saveMyProfile(serviceCtx(c), { themes: [], languages: [], ...body });
      setFlash(c, 'people.me.saved');
      return redirectTo(c, `/people/${out.id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.profileFormPage(c, { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.get('/people/:id', async (c) => v.personPage(c, await people.getPerson(serviceCtx(c), c.req.param('id'))));

  return r;
}
