import { Alert, Tag } from 'antd'
import type { ReportView } from '@shared/photo/contract'
import { photoMessages } from './messages'
import { useMessages } from '@renderer/i18n/context'

/** Every rule with its measured value, failures first, and the notes on the framing. */
export function RuleList({ report }: { report: ReportView }) {
  const t = useMessages(photoMessages)
  const failed = report.rules.filter((r) => !r.pass)
  const rules = [...failed, ...report.rules.filter((r) => r.pass)]
  return (
    <div className="photo-rules" data-testid="photo-rules">
      <div className="photo-verdict">
        {report.ok ? (
          <Tag color="success">{t('result.pass')}</Tag>
        ) : (
          <Tag color="error">{t('result.fail', { n: failed.length })}</Tag>
        )}
        <span>
          {t('result.file', {
            w: report.width,
            h: report.height,
            dpi: report.dpi.jfif ?? '?',
            kb: (report.bytes / 1024).toFixed(1),
            q: report.quality
          })}
        </span>
      </div>
      <ul>
        {rules.map((rule) => (
          <li key={rule.key} className={rule.pass ? 'rule-pass' : 'rule-fail'} data-rule={rule.key}>
            <span>{rule.text}</span>
            {rule.reason ? <small>{rule.reason}</small> : null}
          </li>
        ))}
      </ul>
      {report.notes.map((note) => (
        <Alert key={note} type="warning" showIcon title={note} className="photo-note" />
      ))}
    </div>
  )
}
