/**
 * The height the shell leaves a desk page between its header and status bar (less the main area's padding), from
 * Mantine's AppShell variables. A desk that must fit the screen (the counter at 1366×768) takes at least this
 * much and lets one part scroll inside it, rather than letting the page grow and scroll.
 */
export const DESK_HEIGHT =
  'calc(100dvh - var(--app-shell-header-offset, 0rem) - var(--app-shell-footer-offset, 0rem) - 2 * var(--app-shell-padding, 0rem))'
