/**
 * The scanning hook for uploads (SECURITY.md 25). Every uploaded file passes here after its type
 * check and before anything is stored. Built in: the EICAR anti-virus test signature, so the hook
 * can be checked end to end on any machine. Optional: an external scanner command
 * (`FILE_SCAN_COMMAND`, e.g. `clamdscan --no-summary -`) that reads the file on stdin and exits 0
 * when clean, 1 when infected (the convention of ClamAV); any other outcome means the scanner is
 * not working, and the upload is refused as unavailable (never stored unscanned).
 */
import { spawn } from 'node:child_process';

/** The EICAR test file's signature: harmless, recognised by every scanner as a test "virus". */
const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');

let command: string | undefined;

/** Sets the external scanner (from FILE_SCAN_COMMAND at start); undefined: the built-in signatures only. */
export function configureScanner(cmd: string | undefined): void {
  command = cmd?.trim() || undefined;
}

export class ScannerUnavailableError extends Error {
  code = 'ESCANNER';
}

function runScanner(cmd: string, bytes: Uint8Array): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', cmd], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()).length > 2000 && (err = err.slice(-2000)));
    child.on('error', (e) => (clearTimeout(timer), reject(new ScannerUnavailableError(`scanner did not start: ${e.message}`))));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(true);
      else if (code === 1) resolve(false);
      else reject(new ScannerUnavailableError(`scanner failed (${code}): ${err.trim()}`));
    });
    child.stdin.on('error', () => undefined); // a scanner that stops reading early decides by its exit code
    child.stdin.end(Buffer.from(bytes));
  });
}

/** Whether the bytes are clean. Throws ScannerUnavailableError when the external scanner cannot tell. */
export async function isClean(bytes: Uint8Array): Promise<boolean> {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(EICAR)) return false;
  if (!command) return true;
  return runScanner(command, bytes);
}
