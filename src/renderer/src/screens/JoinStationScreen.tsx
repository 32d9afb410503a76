import { Alert, App, Button, Form, Progress } from 'antd'
import { useEffect, useState } from 'react'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useI18n } from '@renderer/i18n/context'
import { AuthCard } from '@renderer/components/AuthCard'
import type { AuthStatus, Progress as Done } from '@shared/ipc/contract'
import { StationServerFields } from '@renderer/features/settings/StationServerFields'
import {
  showStationFieldErrors,
  stationFormDefaults,
  stationInput,
  type StationForm
} from '@renderer/features/settings/stationForm'

/**
 * First start on a PC of a station that has its server already: connect, take the station's
 * accounts, then sign in with one of them (no administrator of this PC's own).
 */
export function JoinStationScreen({
  onDone,
  onBack
}: {
  onDone: (status: AuthStatus) => void
  onBack: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<StationForm>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** The first round takes the whole station's rows: how far, while it runs. */
  const [progress, setProgress] = useState<Done | null>(null)
  useEffect(() => (busy ? api.on('station.progress', setProgress) : undefined), [busy])

  const submit = async (values: StationForm) => {
    setBusy(true)
    setError(null)
    try {
      const joined = await unwrap(api.station.join(stationInput(values)))
      if (!joined.report.ok) {
        setError(joined.report.items.find((item) => item.level === 'error')?.message ?? '')
      } else if (joined.accounts === 0) {
        setError(t('auth.join.noAccounts', { reason: joined.status.lastAttempt?.message ?? '' }))
      } else {
        message.success(t('auth.join.done', { n: joined.accounts }))
        onDone(await unwrap(api.auth.status()))
      }
    } catch (caught) {
      if (!showStationFieldErrors(form, caught)) setError(errorMessage(caught))
    } finally {
      setBusy(false)
      setProgress(null)
    }
  }

  return (
    <AuthCard title={t('auth.join.title')} hint={t('auth.join.hint')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        requiredMark={false}
        initialValues={stationFormDefaults}
        data-testid="join-form"
      >
        <StationServerFields kept={null} />
        {error ? <Alert type="error" title={error} showIcon className="form-alert" /> : null}
        {progress && progress.total > 0 ? (
          <div data-testid="join-progress">
            <Progress percent={Math.floor((progress.done / progress.total) * 100)} />
            {t('auth.join.progress', { done: progress.done, total: progress.total })}
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('auth.join.submit')}
        </Button>
        <Button type="link" block onClick={onBack} disabled={busy}>
          {t('auth.join.back')}
        </Button>
      </Form>
    </AuthCard>
  )
}
