/**
 * The modules of the platform, in the order their routes are mounted, their demo data seeded and
 * their subscribers called. The composition roots (app.ts, server.ts, cli.ts) read this list; no
 * module imports it.
 */
import type { Manifest } from '../platform/module.ts';
import api from './api/api.module.ts';
import home from './home/home.module.ts';
import accounts from './accounts/accounts.module.ts';
import imports from './imports/imports.module.ts';
import organisations from './organisations/organisations.module.ts';
import files from './files/files.module.ts';
import programmes from './programmes/programmes.module.ts';
import requests from './requests/requests.module.ts';
import calls from './calls/calls.module.ts';
import notifications from './notifications/notifications.module.ts';
import knowledge from './knowledge/knowledge.module.ts';
import exchanges from './exchanges/exchanges.module.ts';
import evaluations from './evaluations/evaluations.module.ts';
import matching from './matching/matching.module.ts';
import moderation from './moderation/moderation.module.ts';
import networks from './networks/networks.module.ts';
import events from './events/events.module.ts';
import discussions from './discussions/discussions.module.ts';
import news from './news/news.module.ts';
import privacy from './privacy/privacy.module.ts';
import translations from './translations/translations.module.ts';
import partnerships from './partnerships/partnerships.module.ts';
import associations from './associations/associations.module.ts';

// `api` first: its router's middleware (token sign-in, consent) covers every module's API routes mounted after it.
export const MODULES: readonly Manifest[] = [api, home, accounts, imports, organisations, files, programmes, requests, calls, notifications, knowledge, exchanges, partnerships, evaluations, matching, moderation, networks, events, discussions, news, translations, associations, privacy];
