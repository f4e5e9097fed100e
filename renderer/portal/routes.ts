/** The portal's addresses, defined once with the contracts the server shares (engine/contracts/portal-routes.ts). */
export { parseRoute, routePath, type Route } from '../../engine/runtime.ts';
