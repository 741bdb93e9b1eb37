declare module 'virtual:example-validator' {
  export const validate: ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> | null };
}
declare module 'virtual:shipped-form' {
  /** form-definitions/protective-factors/1.0.0.json, read at build time (examples never import form-definitions/). */
  export const definition: Record<string, unknown>;
  export const validate: ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> | null };
}
