/**
 * Prints the current second-factor code of the demo's broker, committee and admin accounts
 * (`npm run demo:code`). Demo mode only: the secret is published in the README so that anyone
 * trying the demo can sign in with those roles without an authenticator app.
 */
import { codeAt, DEMO_TOTP_SECRET, PERIOD_S } from '../src/modules/accounts/accounts.twofactor.ts';

const now = new Date();
const left = PERIOD_S - (Math.floor(now.getTime() / 1000) % PERIOD_S);
console.log(`${codeAt(DEMO_TOTP_SECRET, now)}  (valid for about ${left + PERIOD_S} s; each code works once)`);
