/** Scanner settings are part of the API contract, so their schema lives in common/. */
export * from '../../../common/scanner-config'
