import type { FromSchema } from 'json-schema-to-ts';

/** Small keyed values the till keeps: the cached store profile, restore watermarks, preferences. */
export const settingSchema = {
  title: 'settings',
  description: 'Cached store profile and local till settings',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  properties: {
    key: { type: 'string', maxLength: 64 },
    value: {},
    updatedAt: { type: 'string', maxLength: 32 },
  },
  required: ['key', 'value', 'updatedAt'],
  additionalProperties: false,
} as const;

export type SettingDoc = FromSchema<typeof settingSchema>;
