/**
 * Issue 16.1: every date and time field is checked against the calendar and the clock (JavaScript's
 * Date rolls 2027-02-30 over; PostgreSQL refuses it, which was a 500). A property feeds random
 * strings to every date field of every schema that has one; whatever a schema accepts, PostgreSQL
 * accepts too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { isCalendarDate, isClockTime, parseDateTime, calendarDate, optionalCalendarDate, dateTimeField } from './dates.ts';
import { parseWith } from './validation.ts';
import { createTestApp } from '../../test/support/app.ts';
import { rows } from './db.ts';
import { STEP_SCHEMAS } from '../modules/requests/requests.schema.ts';
import { publishCallInput } from '../modules/calls/calls.schema.ts';
import { roundInput } from '../modules/programmes/programmes.schema.ts';
import { planSchema, agendaSchema, taskSchema } from '../modules/exchanges/exchanges.schema.ts';

test('the calendar: month lengths, leap years, the clock', () => {
  for (const ok of ['2027-02-28', '2028-02-29', '2000-02-29', '2027-12-31', '2027-04-30']) assert.ok(isCalendarDate(ok), ok);
  for (const bad of ['2027-02-29', '1900-02-29', '2027-02-30', '2027-02-31', '2027-13-45', '2027-00-10', '2027-04-31', '2027-1-1', '27-01-01', '', '2027-01-01 ', '１２３４-01-01'])
    assert.ok(!isCalendarDate(bad), bad);
  for (const ok of ['00:00', '23:59', '09:05']) assert.ok(isClockTime(ok), ok);
  for (const bad of ['24:00', '12:60', '9:05', '']) assert.ok(!isClockTime(bad), bad);
  assert.equal(parseDateTime('2027-01-15T17:00')?.toISOString(), '2027-01-15T17:00:00.000Z');
  assert.equal(parseDateTime('2027-01-15')?.toISOString(), '2027-01-15T00:00:00.000Z');
  assert.equal(parseDateTime('2027-01-15T17:00:00+01:00')?.toISOString(), '2027-01-15T16:00:00.000Z');
  assert.equal(parseDateTime('2027-02-30T10:00'), null);
  assert.equal(parseDateTime('2027-01-15T25:00'), null);
});

test('property: a real day is accepted exactly when JavaScript gives the same day back', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const js = new Date(`${s}T00:00:00Z`);
      const same = !Number.isNaN(js.getTime()) && js.toISOString().slice(0, 10) === s;
      assert.equal(isCalendarDate(s), same, s);
    }),
    { numRuns: 2000 },
  );
});

/** Every date field of every schema that has one, with what else the schema needs to pass. */
const DATE_FIELDS: { name: string; schema: Parameters<typeof parseWith>[0]; base: Record<string, unknown>; fields: string[] }[] = [
  { name: 'requests scope', schema: STEP_SCHEMAS.scope, base: { themes: ['waste_management'], formats: ['expert_assignment'], languages: ['fr'] }, fields: ['periodStart', 'periodEnd'] },
  { name: 'calls publish', schema: publishCallInput, base: { title: 't', expertiseSought: 'x', formats: ['study_visit'], languages: ['fr'], deadline: '2027-01-15' }, fields: ['periodStart', 'periodEnd', 'deadline'] },
  { name: 'programmes round', schema: roundInput, base: { name: 'r', opensAt: '2027-01-01', closesAt: '2027-02-01', reviewOpensAt: '2027-02-02', reviewClosesAt: '2027-03-01' }, fields: ['opensAt', 'closesAt', 'reviewOpensAt', 'reviewClosesAt'] },
  { name: 'exchanges plan', schema: planSchema, base: { format: 'study_visit', startDate: '2027-01-01', endDate: '2027-01-02', place: 'Almere' }, fields: ['startDate', 'endDate'] },
  { name: 'exchanges agenda', schema: agendaSchema, base: { day: '2027-01-01', time: '', title: 'Visit' }, fields: ['day', 'time'] },
  { name: 'exchanges task', schema: taskSchema, base: { title: 'Book', dueDate: '2027-01-01' }, fields: ['dueDate'] },
];

test('property: random strings in every date field of every schema: either an error on that field, or a value PostgreSQL takes', async () => {
  const t = await createTestApp();
  try {
    const dateish = fc.oneof(
      fc.string({ maxLength: 25 }),
      fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.option(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })))).map(
        ([y, m, d, hm]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${hm ? `T${String(hm[0]).padStart(2, '0')}:${String(hm[1]).padStart(2, '0')}` : ''}`,
      ),
      fc.date({ min: new Date('1890-01-01'), max: new Date('2210-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    );
    const accepted: string[] = [];
    for (const s of DATE_FIELDS)
      for (const field of s.fields)
        fc.assert(
          fc.property(dateish, (v) => {
            const r = parseWith(s.schema, { ...s.base, [field]: v });
            if (r.ok) {
              const out = (r.data as Record<string, unknown>)[field];
              if (out instanceof Date) accepted.push(out.toISOString());
              else if (typeof out === 'string' && /^\d{4}-/.test(out)) accepted.push(out);
            } else {
              // The error is on the field typed (or on the end of a pair, when only the order is wrong).
              const keys = Object.keys(r.errors);
              assert.ok(keys.includes(field) || keys.some((k) => s.fields.includes(k)), `${s.name}.${field}=${JSON.stringify(v)}: ${JSON.stringify(r.errors)}`);
            }
          }),
          { numRuns: 300 },
        );
    assert.ok(accepted.length > 50, 'some random values were real dates');
    for (const v of accepted) await rows(t.db, v.length === 10 ? sql`select ${v}::date as d` : sql`select ${v}::timestamptz as d`);
  } finally {
    await t.close();
  }
});

test('a blank optional date is "not given"; a blank required date is "required"', () => {
  assert.equal(optionalCalendarDate().parse(''), undefined);
  assert.equal(optionalCalendarDate().parse('  '), undefined);
  assert.equal(calendarDate().safeParse('').error?.issues[0]?.message, 'platform.form.required');
  assert.equal(dateTimeField().safeParse('2027-02-29T10:00').error?.issues[0]?.message, 'platform.form.dateTime');
});
