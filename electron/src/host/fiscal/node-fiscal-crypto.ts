import * as crypto from 'node:crypto';
import { nativeFiscalCrypto } from '@pos/core';

/** Core's fiscal primitives on Node's native crypto (OpenSSL): the host seals and verifies with these. */
export const nodeFiscalCrypto = nativeFiscalCrypto(crypto, 64);
