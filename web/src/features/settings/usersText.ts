// How a user signs in, in words, for the users table.

interface SignInWays {
  password: boolean;
  /** Linked to a single sign-on identity (signed in with it at least once). */
  sso: boolean;
}

/**
 * "password", "single sign-on", "password or single sign-on". A user with neither signs in with
 * single sign-on for the first time when it is set up (ssoConfigured), else cannot sign in yet.
 */
export function signInWaysText(user: SignInWays, ssoConfigured: boolean): string {
  if (user.password && user.sso) return "password or single sign-on";
  if (user.password) return "password";
  if (user.sso) return "single sign-on";
  return ssoConfigured ? "single sign-on (not signed in yet)" : "none yet: no password, and single sign-on is not set up";
}
