/**
 * The values `x-code` and `x-sensitivity` may take, apart from the zod envelope so that the
 * validator's vocabulary (bundled into the runtime's compiler chunk) does not bring zod with it.
 */
export const CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

/** The built-in sensitivity levels (their table: runtime/core/model/sensitivity.ts). */
export const sensitivities = ['personal', 'sensitive', 'special-category', 'safe-address'] as const;
/** A level's name, built-in or declared in `sensitivityLevels`: kebab-case, as the built-in ones. */
export type Sensitivity = string;
export const LEVEL_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const LEVEL_NAME_MAX = 64;
