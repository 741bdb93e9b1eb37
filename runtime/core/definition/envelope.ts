import '../zod-config';
import { z } from 'zod';
import { CODE_PATTERN, sensitivities } from './extension-values';

/**
 * The one model of a form definition: `form-definitions/<id>/<version>.json`.
 * The zod schema is the source of truth; types are inferred from it and the published
 * JSON Schema (`schemas/definition.schema.json`) is generated from it for editors.
 * `schema` and `uischema` are checked here only for shape; lint checks them in depth.
 */

export const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Semantic version without build metadata (semver.org §2, §9). */
export const VERSION_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
export { CODE_PATTERN, sensitivities, type Sensitivity } from './extension-values';

export const definitionStatuses = ['draft', 'published', 'retired'] as const;
export type DefinitionStatus = (typeof definitionStatuses)[number];

/** Where a form's questions come from: a seed document and the section of it. */
export const sourceSchema = z
  .object({
    document: z.string().min(1).describe('The source document, e.g. `seeds/004-….md`.'),
    section: z.string().min(1).optional().describe('The section(s) of the source the questions follow.'),
    note: z.string().optional(),
  })
  .strict();

export const changelogEntrySchema = z
  .object({
    version: z.string().regex(VERSION_PATTERN),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    summary: z.string().min(1).describe('What changed and why, citing the source.'),
    changes: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** Safety settings the runtime enforces (FORMS.md, seed 004 §1.3, §4.1). */
export const safetySchema = z
  .object({
    gate: z
      .string()
      .min(1)
      .optional()
      .describe('Key of the yes/no question that must be answered yes before sensitive sections show.'),
    drafts: z
      .enum(['local', 'host-only'])
      .default('local')
      .describe('`host-only` forbids drafts in the browser: only the host storage adapter may keep one.'),
  })
  .strict();

/**
 * Sensitivity levels a form adds to the built-in ones (docs/definition-format.md). Shapes only:
 * names, actions and the refusal to redefine a built-in are lint's (`sensitivity-level-invalid`),
 * so a wrong action is one problem at its pointer rather than a file that does not load.
 */
export const sensitivityLevelsSchema = z.record(
  z.string(),
  z
    .object({
      description: z.string().optional(),
      profiles: z.record(z.string(), z.string()).optional().describe('What each export profile does with the answer: keep, mask or drop (a profile not named drops it; full keeps it).'),
      gated: z.boolean().optional().describe('Shown only behind the safety check (default true).'),
      drafts: z.string().optional().describe('`keep` lets drafts hold the answer; anything else (the default) keeps it out of every draft.'),
    })
    .strict(),
);

export const retiredCodeSchema = z
  .object({
    code: z.string().regex(CODE_PATTERN),
    reason: z.string().min(1),
  })
  .strict();

/** Strings by locale, then by JSON pointer into the definition (e.g. `/schema/properties/age/title`). */
export const translationsSchema = z.record(
  z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
  z.record(z.string(), z.string()),
);

const jsonObject = z.record(z.string(), z.unknown());

export const definitionSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(ID_PATTERN).describe('Kebab-case id; equals the folder name.'),
    version: z.string().regex(VERSION_PATTERN).describe('Semantic version; equals the file name.'),
    status: z.enum(definitionStatuses),
    title: z.string().min(1).max(200),
    description: z.string().max(5000).optional(),
    source: sourceSchema,
    changelog: z.array(changelogEntrySchema).default([]),
    safety: safetySchema.optional(),
    sensitivityLevels: sensitivityLevelsSchema.optional().describe('Sensitivity levels this form adds to the built-in personal, sensitive, special-category and safe-address.'),
    retired: z.array(retiredCodeSchema).optional().describe('Export codes of earlier versions deliberately dropped.'),
    translations: translationsSchema.optional(),
    schema: jsonObject.describe('JSON Schema draft 2020-12 describing one response.'),
    uischema: jsonObject.describe('JSON Forms UI schema.'),
  })
  .strict();

export type Definition = z.infer<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
export type DefinitionSource = z.infer<typeof sourceSchema>;
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;

/** The JSON Schema of the envelope, for Monaco and other editors. */
export function definitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(definitionSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
