import { Button } from 'antd'
import { api, unwrap } from '@renderer/lib/api'
import { useI18n } from '@renderer/i18n/context'
import { AuthCard } from '@renderer/components/AuthCard'
import { AccountSettings } from '@renderer/features/settings/AccountSettings'
import type { AuthStatus, SessionView } from '@shared/ipc/contract'

/**
 * After an administrator's reset: the operator sets an own password before anything else (main
 * refuses every other call until then).
 */
export function ChangePasswordScreen({
  session,
  onDone
}: {
  session: SessionView
  onDone: (status: AuthStatus) => void
}) {
  const { t } = useI18n()
  return (
    <AuthCard title={t('auth.mustChange.title')} hint={t('auth.mustChange.hint')}>
      <AccountSettings
        username={session.operator.username}
        onChanged={() => unwrap(api.auth.status()).then(onDone)}
      />
      <Button
        block
        style={{ marginTop: 12 }}
        onClick={() => unwrap(api.auth.signOut()).then(onDone)}
      >
        {t('auth.signOut')}
      </Button>
    </AuthCard>
  )
}
