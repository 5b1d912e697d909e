// What the rest of Lotline (modules, CLI, composition root) uses of identity.
export { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './demo-users.ts';
export { findUserById, findUserByUsername, permissionsOfUser } from './identity.repository.ts';
export { createToken } from './tokens.service.ts';
export { createUser, setUserStatus } from './users.service.ts';
