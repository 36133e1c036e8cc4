/**
 * A person who can sign in to the local identity provider. Each is a User of
 * examples/org.yaml of the same name: the portal's sign-in resolver maps the local part of
 * `email` to the catalog User.
 *
 * @public
 */
export interface LocalAccount {
  /** The user name typed on the login form; also the token's `sub` and `preferred_username`. */
  username: string;
  /** Local-only password (documented in the README): never a secret of any real system. */
  password: string;
  /** Display name (`name` claim), the User's `spec.profile.displayName`. */
  name: string;
  /** `email` claim; its local part is the catalog User's name. */
  email: string;
  /** What the person does in the portal, shown on the login form. */
  role: string;
}

/**
 * The two people of the four-eyes journey. Local-only passwords: the IdP refuses to bind to
 * anything but the loopback interface.
 *
 * @public
 */
export const LOCAL_ACCOUNTS: readonly LocalAccount[] = [
  {
    username: 'requester',
    password: 'requester-local-only',
    name: 'Riley Requester',
    email: 'requester@example.com',
    role: 'ML engineer (ml-engineers, owns taxi-fare): requests promotions',
  },
  {
    username: 'approver',
    password: 'approver-local-only',
    name: 'Avery Approver',
    email: 'approver@example.com',
    role: 'ML platform (ml-platform): approves or rejects promotions',
  },
];

/** The account of `username` if `password` is its password. */
export function verifyLocalAccount(
  accounts: readonly LocalAccount[],
  username: string,
  password: string,
): LocalAccount | undefined {
  const account = accounts.find(a => a.username === username.trim());
  return account && account.password === password ? account : undefined;
}
