/** People pages: the members-only directory, profiles, and one's own profile at /people/me. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

import { ValidationError } from '../../platform/errors.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import * as people from './people.service.ts';
import * as v from './people.views.ts';
import { formBody, requireUser } from '../../platform/forms.ts';

export function peopleRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/people', async (c) => {
    requireUser(c);
    const query = c.req.query();
    try {
      return v.peopleDirectoryPage(c, query, await people.searchPeople(c.var.ctx, query));
    } catch (e) {
      if (e instanceof ValidationError) return v.peopleDirectoryPage(c, query, null, e.fields, 400);
      throw e;
    }
  });

  r.get('/people/me', async (c) => {
    requireUser(c);
    return v.profileFormPage(c, emptyForm(await people.myProfileForm(c.var.ctx)));
  });

  r.post('/people/me', async (c) => {
    requireUser(c);
    const body = await formBody(c);
    try {
      const out = await people.saveMyProfile(c.var.ctx, { themes: [], languages: [], ...body });
      setFlash(c, 'people.me.saved');
      return redirectTo(c, `/people/${out.id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.profileFormPage(c, { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.get('/people/:id', async (c) => v.personPage(c, await people.getPerson(c.var.ctx, c.req.param('id'))));

  return r;
}
