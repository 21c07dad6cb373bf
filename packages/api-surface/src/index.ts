export { publicApi } from './public-api.js';
export type { PublicApi } from './public-api.js';
