/**
 * The public half of the ministry's update signing key (Ed25519, SPKI PEM), which every installed app checks update
 * manifests against (verify-update.ts). Made once on the release machine with `npm run update:sign -- keygen`
 * (docs/UPDATES.md) and pasted here; the private half never leaves that machine.
 *
 * null: this build carries no key, so it refuses every update and does not even check (the status says why). The
 * key is compiled in rather than read from a file beside the app so that whoever can write to the install folder
 * cannot swap it with the installer; changing it means the installed apps refuse updates signed with the new key,
 * so a new key reaches them only through an installer signed with the old one (or a reinstall).
 */
export const UPDATE_PUBLIC_KEY_PEM: string | null = null
