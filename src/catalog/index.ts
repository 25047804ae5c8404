export type { Catalog } from './types';
