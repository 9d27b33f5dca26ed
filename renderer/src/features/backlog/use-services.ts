import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Service } from '../../../../common/catalogue'
import { api } from '../../api/client'

/** The catalogue's services as filter choices: code, name in the window's language, and agency. */
export function useServices(): { code: string; name: string; agency: string }[] {
  const { i18n } = useTranslation()
  const [services, setServices] = useState<Service[]>([])
  useEffect(() => {
    api.call('catalogue.list', {}).then(setServices, () => setServices([]))
  }, [])
  const sw = i18n.language === 'sw'
  return services.map((s) => ({ code: s.code, name: sw ? s.nameSw : s.nameEn, agency: s.agency }))
}
