import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

export type CsvCell = string | number | boolean | bigint | Date | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell as text. Text that a spreadsheet would run as a formula (=, +, -, @,
 * tab or CR first) gets a leading apostrophe, so an imported name can never
 * become a formula on someone's desktop; plain numbers stay as they are.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Streams rows as a UTF-8 CSV download (with a BOM, so spreadsheet programs
 * read Chinese text correctly).
 */
export function sendCsv<Row>(
  reply: FastifyReply,
  options: {
    filename: string;
    columns: readonly CsvColumn<Row>[];
    rows: Iterable<Row> | AsyncIterable<Row>;
  },
): FastifyReply {
  const { columns, rows } = options;
  const records = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => csvCell(c.value(row)));
    })(),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header(
      'content-disposition',
      `attachment; filename="lotline-${options.filename}-${stamp}.csv"`,
    )
    .send(
      records.pipe(stringify({ header: true, columns: columns.map((c) => c.header), bom: true })),
    );
}

/** Pages through a list function so an export is never limited to one page. */
export async function* allPages<Row>(
  fetchPage: (page: { limit: number; offset: number }) => Promise<{ items: Row[] }>,
  pageSize = 200,
): AsyncGenerator<Row> {
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await fetchPage({ limit: pageSize, offset });
    yield* items;
    if (items.length < pageSize) return;
  }
}
