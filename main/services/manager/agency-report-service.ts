import type { AgencyReport, AgencyReportFiles } from '../../../common/contract'
import { agencyReportFiles } from '../../../common/agency-report-files'
import { AppError } from '../../../common/errors'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { Session } from '../../infra/session-store'
import type { EventWriter } from '../event-writer'
import type { AgencyTurnaroundService } from './agency-turnaround-service'

interface Deps {
  store: Store
  clock: Clock
  writeEvent: EventWriter
  turnaround: AgencyTurnaroundService
}

interface ReportKey {
  agency: string
  from: string
  to: string
}

const when = (t: number): string =>
  new Date(t).toLocaleDateString('en-GB', {
    timeZone: 'Africa/Nairobi',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })

/**
 * Signing an agency report off and exporting it. The caller has confirmed the manager's PIN (`auth.confirmPin`,
 * which audits a wrong one) before `signOff`. The sign-off is an event with the figures as signed, so it reaches the
 * central API and every PC of the centre (a trigger on `events` records it, migration 0220); the report then reads
 * it back for the same agency and period.
 */
export function createAgencyReportService({ store, clock, writeEvent, turnaround }: Deps) {
  /**
   * The report with its services named in `language`, for the files a manager saves (their headings are in that
   * language too). The report itself, as the method returns it, keeps the English names every summary carries.
   */
  const named = (report: AgencyReport, language: Session['language']): AgencyReport => {
    if (language === 'en') return report
    const name = (code: string, english: string): string => store.services.byCode(code)?.nameSw ?? english
    return {
      ...report,
      worstServices: report.worstServices.map((s) => ({
        ...s,
        serviceName: name(s.serviceCode, s.serviceName),
      })),
      overdue: report.overdue.map((o) => ({ ...o, serviceName: name(o.serviceCode, o.serviceName) })),
    }
  }

  return {
    signOff({ agency, from, to }: ReportKey, staff: Session): AgencyReport {
      const report = turnaround.report(agency, from, to)
      if (report.signedOff) {
        throw new AppError(
          'CONFLICT',
          `This report was already signed off by ${report.signedOff.name} on ${when(report.signedOff.at)}.`,
        )
      }
      const name = store.staff.byNumber(staff.staffNumber)?.name ?? staff.name
      const f = report.figures
      store.tx(() => {
        const eventId = writeEvent({
          type: 'report.agencySignedOff',
          staffNumber: staff.staffNumber,
          payload: {
            agency,
            from,
            to,
            name,
            figures: {
              arrived: f.arrived,
              onTime: f.onTime,
              late: f.late,
              medianDaysLate: f.medianDaysLate,
              p90DaysLate: f.p90DaysLate,
              worstDaysLate: f.worstDaysLate,
              stillOut: f.stillOut,
              stillOutOverdue: f.stillOutOverdue,
            },
            batches: {
              batches: report.batches.batches,
              expected: report.batches.expected,
              received: report.batches.received,
              missing: report.batches.missing,
              unannounced: report.batches.unannounced,
            },
            worstServices: report.worstServices.map((s) => ({
              serviceCode: s.serviceCode,
              arrived: s.arrived,
              onTime: s.onTime,
              stillOutOverdue: s.stillOutOverdue,
            })),
          },
        })
        store.audit.write({
          at: clock.now(),
          staffNumber: staff.staffNumber,
          action: 'agency.signedOff',
          detail: { agency, from, to, eventId, arrived: f.arrived, onTime: f.onTime },
        })
      })
      return turnaround.report(agency, from, to)
    },

    exportReport({ agency, from, to }: ReportKey, staff: Session): AgencyReportFiles {
      const report = turnaround.report(agency, from, to)
      const files = agencyReportFiles(named(report, staff.language), staff.language)
      store.tx(() =>
        store.audit.write({
          at: clock.now(),
          staffNumber: staff.staffNumber,
          action: 'agency.exportReport',
          detail: { agency, from, to, overdue: report.overdue.length },
        }),
      )
      return { report, files }
    },
  }
}
export type AgencyReportService = ReturnType<typeof createAgencyReportService>
