/** "1 staff member", "3 staff members": the count with the noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** A service's turnaround as the clerk says it: 0 working days is the same day, not "in 0 working days". */
export function readyIn(turnaroundDays: number): string {
  return turnaroundDays === 0 ? 'ready the same day' : `ready in ${plural(turnaroundDays, 'working day')}`
}
