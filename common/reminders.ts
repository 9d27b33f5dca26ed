/**
 * A reminder never tells someone to come by a date that has passed or is days away: documents already past their
 * retention period get this many days from today (the manager returns them after that). The return list reads the
 * same figure, so it lives here, below both the store and the campaign services.
 */
export const REMINDER_GRACE_DAYS = 7
