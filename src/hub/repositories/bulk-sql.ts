import { CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from '../db/schema.ts';

// Multi-row statements written once per shape and run with their parameters: the ingest's
// wide rows (a fact row has every measure column) cost more to build through Kysely's query
// builder than to run (bench/README.md, "where a push's time goes"). The SQL text of each shape
// (table, columns, rows in the statement, conflict clause) is kept, so the SQLite statement
// cache (plugins/db.ts) and PostgreSQL see the same text each time.

/** Parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 256;

const texts = new Map<string, string>();

function insertText(dialect: Dialect, table: string, columns: readonly string[], rows: number, suffix: string): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}|${suffix}`;
  let text = texts.get(key);
  if (text) return text;
  const width = columns.length;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 0; c < width; c++) marks.push(dialect === 'postgres' ? `$${r * width + c + 1}` : '?');
    tuples.push(`(${marks.join(', ')})`);
  }
  text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`;
  if (texts.size > 2000) texts.clear();
  texts.set(key, text);
  return text;
}

/**
 * INSERTs `rows` (each an array in the order of `columns`) in as few statements as the
 * parameter limits allow; `suffix` is appended to each (an ON CONFLICT clause). Names are the
 * caller's constants (never user input).
 */
export async function insertRows(
  db: Kysely<unknown>,
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suffix = '',
): Promise<void> {
  if (rows.length === 0) return;
  // Statements of a few shapes only (full ones, then the rest by powers of two), so that the
  // prepared statements are reused from one push to the next whatever its size.
  const per = 2 ** Math.floor(Math.log2(Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)))));
  for (let i = 0; i < rows.length; ) {
    const left = rows.length - i;
    const size = left >= per ? per : 2 ** Math.floor(Math.log2(left));
    const part = rows.slice(i, i + size);
    i += size;
    const params: unknown[] = [];
    for (const row of part) for (const v of row) params.push(v);
    await db.executeQuery(CompiledQuery.raw(insertText(dialect, table, columns, part.length, suffix), params));
  }
}

/** The dialect of a Kysely instance or transaction (PostgreSQL or SQLite). */
export function dialectOfDb(db: Kysely<unknown>): Dialect {
  return (db.getExecutor().adapter as object).constructor.name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}
