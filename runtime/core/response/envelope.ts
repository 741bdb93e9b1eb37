import '../zod-config';
import { z } from 'zod';
import { ID_PATTERN, VERSION_PATTERN } from '../definition/envelope';

/**
 * The one response envelope every host receives (DESIGN.md): what the runtime produces, what
 * validation, exports and migration read. `answers` is flat: key = top-level schema property.
 */
const isoDateTime = z.iso.datetime({ offset: true });

export const responseStatuses = ['in-progress', 'completed'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

export const formRefSchema = z
  .object({
    id: z.string().regex(ID_PATTERN),
    version: z.string().regex(VERSION_PATTERN),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const responseEnvelopeSchema = z
  .object({
    responseId: z.string().min(1).max(200),
    form: formRefSchema,
    status: z.enum(responseStatuses),
    startedAt: isoDateTime,
    updatedAt: isoDateTime,
    completedAt: isoDateTime.nullable().optional(),
    answers: z.record(z.string(), z.unknown()),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type ResponseEnvelope = z.infer<typeof responseEnvelopeSchema>;
export type FormRef = z.infer<typeof formRefSchema>;
export type Answers = Record<string, unknown>;
