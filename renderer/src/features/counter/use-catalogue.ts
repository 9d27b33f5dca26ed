import { useEffect, useState } from 'react'
import type { Service } from '../../../../common/catalogue'
import { api } from '../../api/client'

/** The service catalogue, loaded once per page. */
export function useCatalogue(): Service[] {
  const [services, setServices] = useState<Service[]>([])
  useEffect(() => {
    api.call('catalogue.list', {}).then(setServices, () => setServices([]))
  }, [])
  return services
}
