/** OWASP ASVS: passwords of at least 12 characters, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
