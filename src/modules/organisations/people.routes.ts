/** People pages: the members-only directory, profiles, and one's own profile at /people/me. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

import { redirectTo, setFlash } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import * as people from './people.service.ts';
import * as v from './people.views.ts';
import { formAction, requireUser } from '../../platform/forms.ts';

export function peopleRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/people', async (c) => {
    requireUser(c);
    const query = c.req.query();
    // The query is the search form: an invalid filter shows the directory again with its message.
    return formAction(
      c,
      async () => v.peopleDirectoryPage(c, query, await people.searchPeople(c.var.ctx, query)),
      (form, status) => v.peopleDirectoryPage(c, query, null, form.errors, status),
      query,
    );
  });

  r.get('/people/me', async (c) => {
    requireUser(c);
    return v.profileFormPage(c, emptyForm(await people.myProfileForm(c.var.ctx)));
  });

  r.post('/people/me', async (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        // Checkbox groups left empty mean "none".
        const out = await people.saveMyProfile(c.var.ctx, { themes: [], languages: [], ...body });
        setFlash(c, 'people.me.saved');
        return redirectTo(c, `/people/${out.id}`);
      },
      (form, status) => v.profileFormPage(c, form, status),
    );
  });

  r.get('/people/:id', async (c) => v.personPage(c, await people.getPerson(c.var.ctx, c.req.param('id'))));

  return r;
}
