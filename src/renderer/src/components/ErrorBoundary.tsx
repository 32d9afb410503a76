import { Button, Result, Space, Typography } from 'antd'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api } from '@renderer/lib/api'

const cut = (text: string | undefined | null, max: number) =>
  text == null ? undefined : text.length > max ? `${text.slice(0, max)}…` : text

/** The field the clerk typed in last inside `root`: its label and value, for the log. */
function lastInputIn(root: HTMLElement | null): string | undefined {
  const field = root?.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    '[data-last-input="true"]'
  )
  if (!field) return undefined
  const label = field.getAttribute('aria-label') ?? field.id ?? field.name ?? field.tagName
  return cut(`${label}: ${field.value}`, 1900)
}

interface BoundaryProps {
  /** Module key, for the log. */
  module: string
  /** What the clerk reads as the module's name. */
  title: string
  onBack?: () => void
  children: ReactNode
}

interface BoundaryState {
  error: Error | null
  /** Bumped by 重试 so that the module mounts afresh. */
  attempt: number
}

/**
 * Catches an error thrown while a module draws, logs it in main (module, message, stacks and the
 * last field typed in) and shows what happened with 重试 / 返回 instead of a blank window.
 */
class Boundary extends Component<BoundaryProps & { labels: Labels }, BoundaryState> {
  override state: BoundaryState = { error: null, attempt: 0 }
  private root: HTMLDivElement | null = null

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    const failure = error instanceof Error ? error : new Error(String(error))
    const report = {
      module: cut(this.props.module, 40)!,
      message: cut(failure.message || failure.name, 2000)!,
      ...(failure.stack ? { stack: cut(failure.stack, 20_000)! } : {}),
      ...(info.componentStack ? { componentStack: cut(info.componentStack, 20_000)! } : {}),
      ...(lastInputIn(this.root) ? { input: lastInputIn(this.root)! } : {})
    }
    // The bridge may itself be what failed: reporting must never throw.
    try {
      void api.app.reportError(report).catch(() => undefined)
    } catch {
      /* nothing more to do: the message below still shows */
    }
  }

  private retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))

  private back = () => {
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))
    this.props.onBack?.()
  }

  /** Marks the field typed in last, so a crash report can say what was being entered. */
  private markInput = (event: { target: EventTarget }) => {
    const target = event.target
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return
    if (target instanceof HTMLInputElement && target.type === 'password') return
    this.root
      ?.querySelectorAll('[data-last-input="true"]')
      .forEach((node) => node.removeAttribute('data-last-input'))
    target.setAttribute('data-last-input', 'true')
  }

  override render() {
    const { labels, title } = this.props
    const { error, attempt } = this.state
    return (
      <div
        ref={(node) => {
          this.root = node
        }}
        className="module-boundary"
        onInput={this.markInput}
      >
        {error ? (
          <Result
            status="error"
            role="alert"
            data-testid="module-error"
            title={labels.title.replace('{module}', title)}
            subTitle={labels.hint}
            extra={
              <Space direction="vertical" align="center">
                <Space>
                  <Button type="primary" size="large" onClick={this.retry} autoFocus>
                    {labels.retry}
                  </Button>
                  {this.props.onBack ? (
                    <Button size="large" onClick={this.back}>
                      {labels.back}
                    </Button>
                  ) : null}
                </Space>
                <Typography.Text type="secondary">
                  {labels.detail}：{cut(error.message, 300)}
                </Typography.Text>
              </Space>
            }
          />
        ) : (
          <BoundaryChildren key={attempt}>{this.props.children}</BoundaryChildren>
        )}
      </div>
    )
  }
}

const BoundaryChildren = ({ children }: { children: ReactNode }) => <>{children}</>

interface Labels {
  title: string
  hint: string
  retry: string
  back: string
  detail: string
}

/** An error boundary with the app's messages; wraps the shell and every module. */
export function ErrorBoundary(props: BoundaryProps) {
  const { t } = useI18n()
  const labels: Labels = {
    title: t('crash.title', { module: '{module}' }),
    hint: t('crash.hint'),
    retry: t('crash.retry'),
    back: t('crash.back'),
    detail: t('crash.detail')
  }
  return <Boundary {...props} labels={labels} />
}
