// The plant module's public surface: locations (site → warehouse → zone → bin),
// equipment with calibration and maintenance, and people's qualifications.
export { plantRoutes } from './plant.routes.ts';
export { seedDemoPlant } from './plant.demo.ts';
export {
  assertLocationActive,
  createLocation,
  findLocationIdByCode,
  getLocation,
  listLocations,
  locationTree,
} from './locations.service.ts';
export {
  assertEquipmentUsable,
  findEquipmentIdByCode,
  getEquipment,
  listEquipment,
} from './equipment.service.ts';
export { deriveEquipmentStatus } from './equipment-status.ts';
export {
  assertQualified,
  findSkillIdByCode,
  hasValidQualification,
  qualificationsOfUser,
} from './qualifications.service.ts';
