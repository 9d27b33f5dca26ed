/** The app's version, shown in the UI and sent with events. Kept equal to package.json by a unit test. */
export const APP_VERSION = '0.1.0'
