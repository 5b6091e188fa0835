export type { AuthenticatedUser } from './authenticated-user.js';
export { createJwtVerifier, bearerToken, type JwtVerifier, type JwtVerifierOptions } from './jwt-verifier.js';
export { mintDevToken, type DevTokenClaims } from './dev-token.js';
export {
  signInternalIdentity,
  verifyInternalIdentity,
  INTERNAL_USER_HEADER,
  INTERNAL_SIGNATURE_HEADER,
} from './internal-identity.js';
export { readLocalSecrets, localSecretsFile } from './local-secrets.js';
export { canView, canModify, type AccessibleMeeting } from './meeting-access.js';
