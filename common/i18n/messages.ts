/**
 * The shape every language's messages have: the English tree with each text a string. A Kiswahili file typed
 * with it fails to compile when a key is missing or extra, before the key test (test/unit/i18n-keys.test.ts)
 * runs.
 */
export type MessagesOf<T> = { [K in keyof T]: T[K] extends string ? string : MessagesOf<T[K]> }
