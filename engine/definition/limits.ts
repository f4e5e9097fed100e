/** The limits on answers where the author sets none: the checker, the answers schemas and the components read them here. */

/** The longest answers accepted where the author sets no limit. */
export const DEFAULT_MAX_LENGTH = { text: 200, textarea: 5000 } as const;

/** The longest line of an address. */
export const ADDRESS_PART_MAX = 100;
