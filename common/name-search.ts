/**
 * How names are compared when staff search for a customer: "Zoe" finds "Zöë" and "wanjiku" finds "Zöë Wanjikũ".
 * Pure, shared by the database's keeper (an SQL function in main/db/sql-functions.ts) and the search itself, so the
 * stored keys and the typed query are folded by the same code.
 */

/**
 * Lower case, diacritics removed (NFD, then combining marks dropped), apostrophes of every kind dropped (Ngʼangʼa,
 * Ng'ang'a and Nganga are one name), and every other run of anything but letters and digits (spaces, hyphens,
 * dots) made one space: "O’Brien-Wanjikũ" → "obrien wanjiku".
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['`\u00b4\u02bb\u02bc\u2018\u2019]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * The keys a name is found by: the folded name from each of its words on. A query matches when it is the start of
 * one of them, so "wanj", "zoe wanj" and "kamau" all find "Zöë Wanjikũ Kamau".
 */
export function nameKeys(name: string): string[] {
  const words = foldName(name)
    .split(' ')
    .filter((w) => w !== '')
  return [...new Set(words.map((_, i) => words.slice(i).join(' ')))]
}
