import type { Annotation, AnnotationInput, Catalog } from './types';

/** Stub. */
export function annotateToken(catalog: Catalog, _input: AnnotationInput): Annotation {
  return { api: null, client: null, scopes: [], roles: [], wids: null, findings: [], catalogDate: catalog.generatedAt };
}
