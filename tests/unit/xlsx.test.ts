import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { columnName, xlsxStream, type Cell } from '../../src/hub/lib/xlsx.ts';

async function collect(stream: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Buffer[] = [];
  for await (const b of stream) parts.push(b);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

async function* groups(rows: Cell[][], size = 1): AsyncGenerator<Cell[][]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

describe('the XLSX writer (exceljs streaming)', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('keeps any text as text, drops only what XML cannot carry, and keeps numbers as numbers', async () => {
    const hostile: Cell[][] = [
      ['<b>&amp;</b> "quotes" \'apos\'', '=1+1', '  spaces kept  ', 'ligne 1\nligne 2', 'عربي', 'émoji 🙂', 42, 3.5, -7],
      ['nul\u0000char', 'lone \ud800 surrogate', 'bell\u0007', '', 0, '01000', '2A004', 'x'.repeat(5000), Number.NaN],
    ];
    const header = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const { bytes } = await collect(xlsxStream('Feuille <1> & "2"', header, groups(hostile)));
    const [sheet] = await readXlsxFile(bytes, { trim: false });
    expect(sheet!.sheet).toBe('Feuille <1> & "2"');
    const [head, first, second] = sheet!.data;
    expect(head).toEqual(header);
    expect(first).toEqual(['<b>&amp;</b> "quotes" \'apos\'', '=1+1', '  spaces kept  ', 'ligne 1\nligne 2', 'عربي', 'émoji 🙂', 42, 3.5, -7]);
    expect(second!.slice(0, 8)).toEqual(['nulchar', 'lone  surrogate', 'bell', null, 0, '01000', '2A004', 'x'.repeat(5000)]);
    // A number that is not one leaves the cell empty rather than writing a broken value.
    expect(second![8] ?? null).toBeNull();
  });

  it('writes date columns as real date cells, and fails the stream when the rows fail', async () => {
    const rows: Cell[][] = [[new Date('2026-10-02T00:00:00.000Z'), 'a'], [new Date('2026-12-31T00:00:00.000Z'), 'b']];
    const { bytes } = await collect(xlsxStream('Dates', ['Date', 'x'], groups(rows), { dateColumns: [0] }));
    const [sheet] = await readXlsxFile(bytes);
    expect(sheet!.data.slice(1).map((r) => (r[0] as unknown as Date).toISOString())).toEqual(['2026-10-02T00:00:00.000Z', '2026-12-31T00:00:00.000Z']);

    async function* failing(): AsyncGenerator<Cell[][]> {
      yield [['ok']];
      throw new Error('database gone');
    }
    await expect(collect(xlsxStream('X', ['x'], failing()))).rejects.toThrow('database gone');
  });

  it('streams a large sheet in many chunks, every row intact', async () => {
    const rows: Cell[][] = Array.from({ length: 30_000 }, (_, i) => [i, `Accompagnement ${i}`, i % 7 === 0 ? 'Atelier' : 'Individuel', 30 + (i % 90)]);
    const { bytes, chunks } = await collect(xlsxStream('Accompagnements', ['n', 'nom', 'type', 'durée'], groups(rows, 10)));
    expect(chunks).toBeGreaterThan(10);
    const [sheet] = await readXlsxFile(bytes);
    expect(sheet!.data).toHaveLength(30_001);
    expect(sheet!.data[1]).toEqual([0, 'Accompagnement 0', 'Atelier', 30]);
    expect(sheet!.data[30_000]).toEqual([29_999, 'Accompagnement 29999', 'Individuel', 30 + (29_999 % 90)]);
  }, 60_000);
});
