/** The loaded permission and role catalog. Placeholder: the catalog work fills this in. */
export interface Catalog {
  readonly generatedAt: string;
}
