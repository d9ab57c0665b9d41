/**
 * The passwords the Pwned Passwords stand-in lists as breached (pwned-passwords-stand-in.ts). Each
 * passes the common-password list, so only the breach check refuses it. Its own module, free of
 * Node imports, so the workerd suites can use it too.
 */
export const BREACHED_TEST_PASSWORDS = ["a breached passphrase from 2019", "ceiling fan above the piano"] as const;
