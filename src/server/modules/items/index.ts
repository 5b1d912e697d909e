// The items module's public surface.
export { DEMO_ITEMS, demoGtin, seedDemoItems } from './items.demo.ts';
export { itemsRoutes } from './items.routes.ts';
export {
  createItem,
  getItem,
  getItemByCode,
  listItems,
  normaliseDeviceIdentifier,
  setDeviceModel,
  setItemStatus,
  updateItem,
} from './items.service.ts';
export type { ItemStatus, ItemType, Tracking } from './items.tables.ts';
