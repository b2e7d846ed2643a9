import type { StoreProfile } from '../store/store-profile';

/**
 * A store's settings as the hub keeps them and tills pull them: one store_settings document,
 * id "profile", holding the store profile without a till's identity (each till keeps its own
 * storeId and tillId from its enrollment).
 */
export const STORE_SETTINGS_DOC_ID = 'profile';

export type StoreSettings = Omit<StoreProfile, 'storeId' | 'tillId'>;
