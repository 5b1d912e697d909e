// The quality module's public surface: nonconformance records (minimal for now).
export { qualityRoutes } from './quality.routes.ts';
export {
  getNonconformance,
  listNonconformances,
  NONCONFORMANCE_RECORD,
  openNonconformance,
} from './quality.service.ts';
