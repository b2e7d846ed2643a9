import { Type } from 'typebox';
import { List } from './api-schemas';

export const OfficeSecurity = [{ officeSession: [] }];
export const AdminOrOfficeSecurity: Record<string, string[]>[] = [{ adminToken: [] }, { officeSession: [] }];

export const OfficeRoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('regional'),
  Type.Literal('store-manager'),
  Type.Literal('accountant'),
]);

export const OfficeUserSchema = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: OfficeRoleSchema,
  stores: List(Type.String()),
  staffId: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
});

export const OfficeUserInfoSchema = Type.Intersect([
  OfficeUserSchema,
  Type.Object({
    disabled: Type.Boolean(),
    lockedUntil: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    lastSignInAt: Type.Union([Type.String(), Type.Null()]),
  }),
]);

/** A signed-in user, the CSRF token the page sends back, and what they must do before anything else. */
export const SessionInfo = Type.Object({
  user: OfficeUserSchema,
  csrfToken: Type.String({ description: 'Send it in X-CSRF-Token with every change made with the session cookie' }),
  setup: Type.Object({ passwordChange: Type.Boolean(), totpEnrollment: Type.Boolean() }),
});

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorKind: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  storeId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
