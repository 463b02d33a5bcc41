import fs from 'node:fs';
import path from 'node:path';
import type { SeedResult } from './seed/index.ts';

/** Where the first-start admin password goes when stdout is not a terminal. */
export const INITIAL_PASSWORD_FILE = 'initial-admin-password.txt';

/**
 * The first-start admin password is a secret: printed once when a person watches a terminal,
 * never into a service log. When stdout is not a terminal (systemd, Docker, a pipe: the JSON
 * log stream goes there too), it is written to DATA_DIR/initial-admin-password.txt, readable
 * by the hub's user only (0600), and the lines say where it is, never what it is.
 */
export function adminPasswordLines(seed: SeedResult, opts: { isTTY: boolean; dataDir: string }): string[] {
  if (opts.isTTY) return [`    admin password:  ${seed.adminPassword}   (shown only now; keep it)`];
  const file = writePasswordFile(opts.dataDir, seed.adminEmail, seed.adminPassword);
  return [`    admin password:  written to ${file} (readable by this user only; note it, then delete the file)`];
}

function writePasswordFile(dataDir: string, email: string, password: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, INITIAL_PASSWORD_FILE);
  // A file left by an earlier start (another database) is replaced, never appended to; the
  // mode is set at creation, so the password is never readable by others, even briefly.
  fs.rmSync(file, { force: true });
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    fs.writeSync(fd, `Kariole hub, first-start administrator account\ne-mail:   ${email}\npassword: ${password}\n`);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(file, 0o600); // whatever the umask
  return file;
}
