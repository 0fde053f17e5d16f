/**
 * Imports that break the package rules today, as `file -> imported file or package`, each
 * with why it is still there. The dependency test fails when one of them is gone: delete
 * its line then, so the list only shrinks. It is empty: keep it so.
 */
export const KNOWN_PACKAGE_VIOLATIONS: Readonly<Record<string, string>> = {};
