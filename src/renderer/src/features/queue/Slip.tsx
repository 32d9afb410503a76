import { Button } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useMessages } from '@renderer/i18n/context'
import { queueMessages } from './messages'

/**
 * The ticket slip as a 58 mm strip. Its print button sends it to the chosen slip printer
 * (`onPrint`); with none set, the browser prints the page showing only the slip (.slip-print).
 */
export function Slip({
  lines,
  big = false,
  onPrint
}: {
  lines: string[]
  big?: boolean
  onPrint?: (() => void) | undefined
}) {
  const t = useMessages(queueMessages)
  const [station, number, service, ...rest] = lines
  return (
    <div>
      <div className={`slip slip-print${big ? ' slip-big' : ''}`} data-testid="queue-slip">
        <div className="slip-station">{station}</div>
        <div className="slip-number">{number}</div>
        <div className="slip-service">{service}</div>
        {rest.map((line) => (
          <div key={line} className="slip-line">
            {line}
          </div>
        ))}
      </div>
      {!big && (
        <Button
          icon={<PrinterOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => (onPrint ? onPrint() : window.print())}
        >
          {t('printSlip')}
        </Button>
      )}
    </div>
  )
}
