/** What of a reply by mail is the person's own text: quote headers in the five languages, quoted lines, signatures. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripReply } from './discussions.inbound.ts';

const QUOTED = '> Quels outils de financement ont permis ailleurs d’étendre la collecte ?\n> Merci';

test('English: "On … wrote:" and what follows is cut', () => {
  assert.equal(stripReply(`We used franchise zones.\n\nOn Mon, 23 Nov 2026 at 09:00, Peerlink <no-reply@peerlink.localhost> wrote:\n${QUOTED}`), 'We used franchise zones.');
});

test('English: a header wrapped over two lines (Gmail) is cut too', () => {
  assert.equal(stripReply(`Franchise zones.\n\nOn Mon, Nov 23, 2026 at 9:00 AM Peerlink <\nno-reply@peerlink.localhost> wrote:\n\n${QUOTED}`), 'Franchise zones.');
});

test('French: "Le … a écrit :" (narrow or plain space before the colon)', () => {
  assert.equal(stripReply(`Nous avons essayé la redevance.\n\nLe lun. 23 nov. 2026 à 09:00, Peerlink <no-reply@peerlink.localhost> a écrit :\n${QUOTED}`), 'Nous avons essayé la redevance.');
  assert.equal(stripReply(`Oui.\nLe 23/11/2026 à 09:00, Mariam a écrit\u202f:\n${QUOTED}`), 'Oui.');
});

test('Spanish: "El … escribió:"', () => {
  assert.equal(stripReply(`Probamos zonas de concesión.\n\nEl lun, 23 nov 2026 a las 9:00, Peerlink (<no-reply@peerlink.localhost>) escribió:\n${QUOTED}`), 'Probamos zonas de concesión.');
});

test('Portuguese: "Em … escreveu:"', () => {
  assert.equal(stripReply(`Usamos zonas de concessão.\n\nEm seg., 23 de nov. de 2026 às 09:00, Peerlink <no-reply@peerlink.localhost> escreveu:\n${QUOTED}`), 'Usamos zonas de concessão.');
});

test('Arabic: "في … كتب:" (with direction marks)', () => {
  assert.equal(stripReply(`جرّبنا مناطق الامتياز.\n\n\u200fفي الاثنين، 23 نوفمبر 2026 9:00 ص، كتب Peerlink <no-reply@peerlink.localhost>:\n${QUOTED}`), 'جرّبنا مناطق الامتياز.');
  assert.equal(stripReply(`نعم.\nفي 23/11/2026، كتبت مريم:\n${QUOTED}`), 'نعم.');
});

test('Outlook: the "From: … / Sent: …" block and what follows is cut (English, French)', () => {
  assert.equal(stripReply('We did.\n\n________________________________\nFrom: Peerlink <no-reply@peerlink.localhost>\nSent: Monday, 23 November 2026 09:00\nSubject: New reply\n\nOriginal text'), 'We did.');
  assert.equal(stripReply('Oui.\n\nDe : Peerlink <no-reply@peerlink.localhost>\nEnvoyé : lundi 23 novembre 2026 09:00\nObjet : Nouvelle réponse\n\nTexte'), 'Oui.');
});

test('quoted lines anywhere are dropped; the signature delimiter and "Sent from my …" end the text', () => {
  assert.equal(stripReply(`> earlier\nFirst point.\n> more quoted\nSecond point.\n-- \nInge Colleague\nCity of Kassel`), 'First point.\nSecond point.');
  assert.equal(stripReply('Short answer: yes.\n\nSent from my iPhone'), 'Short answer: yes.');
  assert.equal(stripReply('Oui.\r\n\r\nEnvoyé de mon iPhone'), 'Oui.');
  assert.equal(stripReply('Line one\n  indented line two\n\nThird paragraph'), 'Line one\n  indented line two\n\nThird paragraph', 'the person’s own lines are kept as written');
  assert.equal(stripReply(`${QUOTED}\n`), '', 'only a quote: nothing');
});
