/**
 * The values `x-code` and `x-sensitivity` may take, apart from the zod envelope so that the
 * validator's vocabulary (bundled into the runtime's compiler chunk) does not bring zod with it.
 */
export const CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

export const sensitivities = ['sensitive', 'special-category'] as const;
export type Sensitivity = (typeof sensitivities)[number];
