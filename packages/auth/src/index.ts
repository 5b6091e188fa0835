export type { AuthenticatedUser } from './authenticated-user.js';
export { createJwtVerifier, bearerToken, type JwtVerifier, type JwtVerifierOptions } from './jwt-verifier.js';
export { isAllowedJwksUrl } from './jwks-url.js';
export { mintDevToken, type DevTokenClaims } from './dev-token.js';
export {
  signInternalIdentity,
  InternalIdentityVerifier,
  INTERNAL_USER_HEADER,
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_IDENTITY_TTL_MS,
  type IdentityCheck,
  type IdentityRefusal,
  type SignOptions,
} from './internal-identity.js';
export { ReplayCache } from './replay-cache.js';
export {
  LOCAL_SECRETS_MODE,
  localSecretsFile,
  readLocalSecrets,
  writeLocalSecrets,
} from './local-secrets.js';
export { normalizeEmail, trustedEmail } from './email-address.js';
export { canView, canModify, participantEmailOf, type AccessibleMeeting } from './meeting-access.js';
