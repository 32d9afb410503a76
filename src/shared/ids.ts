/**
 * A short form of a UUID for lists: its last 8 hex digits. UUID v7 ids begin with a timestamp, so
 * their first 8 digits are the same for every row written in the same minutes.
 */
export const shortId = (id: string) => id.replace(/-/g, '').slice(-8)
