import { useEffect, useState } from 'react'
import { api } from '../../api/client'

/** The catalogue's services as filter choices: code and English name. */
export function useServices(): { code: string; name: string; agency: string }[] {
  const [services, setServices] = useState<{ code: string; name: string; agency: string }[]>([])
  useEffect(() => {
    api.call('catalogue.list', {}).then(
      (list) => setServices(list.map((s) => ({ code: s.code, name: s.nameEn, agency: s.agency }))),
      () => setServices([]),
    )
  }, [])
  return services
}
