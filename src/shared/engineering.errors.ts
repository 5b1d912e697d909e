import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/engineering: code → HTTP status and English title.
// VERSION_LOCKED, VERSION_WRONG_STATUS, EFFECTIVE_DATE_IN_PAST and
// EFFECTIVE_VERSION_CHANGED are also used by documents and change control; the
// APPROVAL_* codes by platform/approvals (engineering and change control).
export const ENGINEERING_ERRORS = {
  VERSION_LOCKED: {
    status: 409,
    title: 'Only a draft version can be changed',
  },
  VERSION_WRONG_STATUS: {
    status: 409,
    title: 'The version is not in a status that allows this',
  },
  CHANGE_REQUEST_REQUIRED: {
    status: 409,
    title: 'The item already has an effective version: replace it through a change request',
  },
  EFFECTIVE_VERSION_CHANGED: {
    status: 409,
    title: 'The effective version is no longer the one this change supersedes',
  },
  EFFECTIVE_DATE_IN_PAST: {
    status: 422,
    title: 'An effectivity date cannot be in the past',
  },
  VERSION_EMPTY: {
    status: 422,
    title: 'A BOM needs at least one line and a routing at least one operation',
  },
  ITEM_OBSOLETE: {
    status: 422,
    title: 'The item is obsolete',
  },
  BOM_COMPONENT_IS_PARENT: {
    status: 422,
    title: 'An item cannot be a component of itself',
  },
  BOM_DUPLICATE_COMPONENT: {
    status: 422,
    title: 'A component appears on two lines',
  },
  BOM_UNIT_MISMATCH: {
    status: 422,
    title: "A BOM line must use the component's unit of measure",
  },
  BOM_TRACKING_NOT_RECORDABLE: {
    status: 422,
    title: 'The component has no lot or serial to record',
  },
  BOM_CYCLE: {
    status: 422,
    title: 'The BOM would contain its own parent',
  },
  ROUTING_DUPLICATE_OPERATION: {
    status: 422,
    title: 'Two operations have the same number',
  },
  PARAMETER_LIMITS_INVALID: {
    status: 422,
    title: 'Process parameter limits must satisfy min ≤ target ≤ max',
  },
  INSPECTION_LIMITS_INVALID: {
    status: 422,
    title: 'Inspection limits do not fit the result type',
  },
  APPROVAL_ROLE_NOT_HELD: {
    status: 403,
    title: 'The signer holds none of the roles still required to approve',
  },
  APPROVAL_ROLE_ALREADY_COVERED: {
    status: 409,
    title: 'This role has already approved',
  },
  APPROVAL_ALREADY_SIGNED: {
    status: 409,
    title: 'Each person signs an approval round once',
  },
} as const satisfies ModuleErrors;
