import { describe, expect, it } from 'vitest'
import { jsxTexts, sourceFiles } from '../helpers/ui-texts'

describe('every word of the UI goes through i18next', () => {
  it('no file of the renderer has words written into it', () => {
    const found = sourceFiles('renderer/src').flatMap((f) =>
      jsxTexts(f).map((t) => `${f}:${t.line} ${JSON.stringify(t.text)}`),
    )
    expect(found).toEqual([])
  })

  it('the check finds text between tags, in a read attribute, in a template child and in a column header', () => {
    expect(jsxTexts('test/fixtures/i18n/untranslated.tsx').map((t) => t.text)).toEqual([
      'Tracking number',
      'Open the list',
      'Save the file',
      'documents',
    ])
  })
})
