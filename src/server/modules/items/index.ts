// The items module's public surface.
export { itemsRoutes } from './items.routes.ts';
export {
  createItem,
  getItem,
  listItems,
  normaliseDeviceIdentifier,
  setDeviceModel,
  setItemStatus,
  updateItem,
} from './items.service.ts';
export type { ItemStatus, ItemType, Tracking } from './items.tables.ts';
