// The elements of a top-level JSON array, read chunk by chunk (a large file is never held
// whole). Each element is parsed on its own: a malformed one becomes an Error, not a crash.

/** Yields each element of `[ … ]` (objects or values); an element that does not parse yields an Error. */
export async function* jsonArrayElements(first: string, rest: AsyncIterator<string>): AsyncGenerator<unknown> {
  let buf = first;
  let pos = 0;
  let started = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  let done = false;
  for (;;) {
    for (; pos < buf.length; pos++) {
      const ch = buf[pos]!;
      if (!started) {
        if (ch === '[') started = true;
        else if (!/\s/.test(ch)) throw new Error('Le fichier JSON doit être un tableau de lieux ([ {…}, {…} ]).');
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') {
        inString = true;
        if (start < 0) start = pos;
      } else if (ch === '{' || ch === '[') {
        if (start < 0) start = pos;
        depth++;
      } else if (ch === '}' || ch === ']') {
        if (depth === 0 && ch === ']') {
          if (start >= 0) yield parseOne(buf.slice(start, pos));
          done = true;
          break;
        }
        depth--;
      } else if (ch === ',' && depth === 0) {
        if (start >= 0) yield parseOne(buf.slice(start, pos));
        start = -1;
      } else if (start < 0 && !/\s/.test(ch)) start = pos;
    }
    if (done) return;
    // Keep only the element in progress.
    if (start >= 0) {
      buf = buf.slice(start);
      pos -= start;
      start = 0;
    } else {
      buf = '';
      pos = 0;
    }
    const next = await rest.next();
    if (next.done) {
      if (start >= 0 && buf.trim()) yield new Error('Le fichier JSON est tronqué : le dernier lieu est incomplet.');
      return;
    }
    buf += next.value;
  }
}

function parseOne(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return new Error(`JSON illisible : ${text.slice(0, 60)}…`);
  }
}
