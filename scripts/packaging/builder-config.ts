import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import { parse } from 'yaml'

/** The parts of electron-builder's configuration this project checks; the schema check covers the rest. */
export interface BuilderConfig {
  appId?: string
  productName?: string
  copyright?: string
  asar?: boolean | Record<string, unknown>
  asarUnpack?: string[] | string
  disableAsarIntegrity?: boolean
  npmRebuild?: boolean
  files?: (string | Record<string, unknown>)[]
  extraResources?: (string | { from: string; to?: string; filter?: string[] })[]
  electronFuses?: Record<string, boolean>
  win?: { target?: unknown; icon?: string }
  nsis?: Record<string, unknown>
  linux?: { target?: unknown; icon?: string; category?: string; maintainer?: string }
  publish?: unknown
  [key: string]: unknown
}

export const BUILDER_CONFIG_FILE = 'electron-builder.yml'

/** Reads electron-builder.yml as electron-builder does (YAML 1.2); a file that is not one mapping is refused. */
export function readBuilderConfig(root: string): BuilderConfig {
  const file = path.join(root, BUILDER_CONFIG_FILE)
  const parsed: unknown = parse(fs.readFileSync(file, 'utf8'))
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${file} is not a YAML mapping of electron-builder options.`)
  return parsed as BuilderConfig
}

// Compiling the 360 KB schema takes about a second: once per project root.
const validators = new Map<string, ValidateFunction>()

function validatorFor(root: string): ValidateFunction {
  let validate = validators.get(root)
  if (!validate) {
    // app-builder-lib is electron-builder's own dependency: resolved from the project, as electron-builder finds it.
    const require = createRequire(path.join(root, 'package.json'))
    const schema = JSON.parse(
      fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
    ) as Record<string, unknown>
    validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema)
    validators.set(root, validate)
  }
  return validate
}

/**
 * Problems electron-builder's own schema (node_modules/app-builder-lib/scheme.json, the one it validates against
 * before packaging) finds in the configuration, one line each; none when it is valid. Ajv runs with the options
 * electron-builder uses (app-builder-lib/out/util/config/schemaValidator.js), so what passes here passes there.
 */
export function schemaProblems(config: unknown, root: string): string[] {
  const validate = validatorFor(root)
  // coerceTypes rewrites the data it checks: check a copy, not the caller's object.
  if (validate(structuredClone(config))) return []
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '(top level)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  )
}
