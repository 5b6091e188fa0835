/** The verified caller, as every service sees it. */
export interface AuthenticatedUser {
  sub: string;
  /**
   * The caller's e-mail, only when its provider verified it (`email_verified`), NFKC-normalised and
   * lower-cased (see `normalizeEmail`); absent otherwise. Participant visibility trusts it.
   */
  email?: string;
  name?: string;
  roles: string[];
}
