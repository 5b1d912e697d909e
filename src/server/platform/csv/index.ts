// CSV import and export for every module's lists.
export { allPages, csvCell, sendCsv, type CsvCell, type CsvColumn } from './csv-export.ts';
export {
  MAX_IMPORT_ROWS,
  importCsv,
  type CsvImportColumn,
  type CsvImporter,
  type CsvRecord,
} from './csv-import.ts';
export { registerCsvImport } from './csv.routes.ts';
