declare module 'virtual:example-validator' {
  export const validate: ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> | null };
}
