/**
 * Issue 18.6 (SECURITY.md 22): a DOCX whose entry inflates to 150 MB while its local and central
 * headers both claim 1,000 bytes is refused: the entries are streamed with a byte budget (100 MB
 * unpacked in all), the headers are not trusted. The zip is built here, deflated in chunks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Deflate, deflateSync } from 'fflate';
import { inspect, zipUnpackedWithin } from './files.service.ts';

type Entry = { name: string; data: Uint8Array; method: number; claimed: number };

/** A ZIP whose headers (local and central) claim `claimed` bytes unpacked for each entry. */
function zipOf(entries: Entry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(e.claimed, 22);
    lh.writeUInt16LE(name.length, 26);
    parts.push(lh, name, Buffer.from(e.data));
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(e.claimed, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

/** `mb` megabytes of zeros, deflated a megabyte at a time (never 150 MB in memory). */
function deflatedZeros(mb: number): Uint8Array {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  const one = new Uint8Array(1024 * 1024);
  for (let i = 0; i < mb; i++) d.push(one, i === mb - 1);
  return new Uint8Array(Buffer.concat(out));
}

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const small = (name: string, text: string): Entry => {
  const data = deflateSync(new TextEncoder().encode(text));
  return { name, data, method: 8, claimed: text.length };
};

test('a DOCX whose 150 MB entry claims 1,000 bytes (local and central headers) is refused', async () => {
  const bomb = deflatedZeros(150);
  assert.ok(bomb.length < 1024 * 1024, `the bomb is small: ${bomb.length} bytes`);
  const bytes = zipOf([small('[Content_Types].xml', CT), small('word/document.xml', '<w:document/>'), { name: 'word/media/image1.png', data: bomb, method: 8, claimed: 1000 }]);
  const started = performance.now();
  assert.equal(zipUnpackedWithin(bytes), 'too_big');
  const ms = performance.now() - started;
  assert.deepEqual(await inspect({ name: 'cv.docx', bytes }), { ok: false, reason: 'archive_too_big' });
  console.log(`lying 150 MB entry refused after ${ms.toFixed(0)} ms`);
});

test('entries that share their data are each counted; the same DOCX under the budget passes', async () => {
  const forty = deflatedZeros(40);
  const ok = zipOf([small('[Content_Types].xml', CT), small('word/document.xml', '<w:document/>'), { name: 'word/media/a.bin', data: forty, method: 8, claimed: 1000 }]);
  assert.equal(zipUnpackedWithin(ok), 'ok');
  assert.equal((await inspect({ name: 'cv.docx', bytes: ok })).ok, true);
  // Three central entries pointing at the same 40 MB data: 120 MB unpacked.
  const one = zipOf([{ name: 'word/media/a.bin', data: forty, method: 8, claimed: 1000 }]);
  const v = new DataView(one.buffer, one.byteOffset, one.byteLength);
  const cdOffset = v.getUint32(one.length - 22 + 16, true);
  const cdEntry = one.subarray(cdOffset, one.length - 22);
  const cd = Buffer.concat([cdEntry, cdEntry, cdEntry]);
  const end = Buffer.from(one.subarray(one.length - 22));
  end.writeUInt16LE(3, 8);
  end.writeUInt16LE(3, 10);
  end.writeUInt32LE(cd.length, 12);
  const overlapping = new Uint8Array(Buffer.concat([one.subarray(0, cdOffset), cd, end]));
  assert.equal(zipUnpackedWithin(overlapping), 'too_big');
  assert.equal(zipUnpackedWithin(overlapping, 130 * 1024 * 1024), 'ok');
});

test('a broken deflate stream or an unknown method is not a document', () => {
  const broken = zipOf([{ name: 'word/document.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00]), method: 8, claimed: 10 }]);
  assert.equal(zipUnpackedWithin(broken), 'unreadable');
  const lzma = zipOf([{ name: 'word/document.xml', data: new Uint8Array(10), method: 14, claimed: 10 }]);
  assert.equal(zipUnpackedWithin(lzma), 'unreadable');
});
