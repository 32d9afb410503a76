import { Card, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useI18n } from '@renderer/i18n/context'

/** The centred card of the set-up, sign-in and lock screens. */
export function AuthCard({
  title,
  hint,
  children
}: {
  title: string
  hint?: ReactNode
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <div className="auth-screen">
      <Card className="auth-card" variant="borderless">
        <Typography.Title level={2} className="auth-brand">
          {t('app.title')}
        </Typography.Title>
        <Typography.Title level={4}>{title}</Typography.Title>
        {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
        {children}
      </Card>
    </div>
  )
}
