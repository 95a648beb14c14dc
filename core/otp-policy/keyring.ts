import { config } from '../config/index.js';
import { parseKeyring, type Keyring } from '../otp/keyring.js';
import { decryptSecret, encryptSecret } from '../otp/secret-box.js';

let keyring: Keyring | undefined;

// Parsed on first use: config already checked the variable is present.
function otpKeyring(): Keyring {
  keyring ??= parseKeyring(config.otpEncryptionKeys);
  return keyring;
}

// The member id is bound into the box, so a secret copied into another
// member's row does not open there.
const contextOf = (memberId: string) => `member:${memberId}`;

/** Seals a member's base32 OTP secret for storage. */
export function sealOtpSecret(memberId: string, secret: string): string {
  return encryptSecret(secret, otpKeyring(), contextOf(memberId));
}

/** Opens a member's stored OTP secret. Throws when it was tampered with. */
export function openOtpSecret(memberId: string, box: string): string {
  return decryptSecret(box, otpKeyring(), contextOf(memberId));
}
