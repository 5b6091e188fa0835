/** The verified caller, as every service sees it. */
export interface AuthenticatedUser {
  sub: string;
  email?: string;
  name?: string;
  roles: string[];
}
