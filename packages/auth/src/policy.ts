/** Password rules, importable by the browser bundle (this module has no dependencies). */
export const MIN_PASSWORD_LENGTH = 10;
