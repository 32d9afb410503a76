import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { passwordRules } from '@renderer/screens/passwordRules'
import type { OperatorView } from '@shared/ipc/contract'
import { DISPLAY_NAME_MAX, USERNAME_MAX } from '@shared/ipc/fields'
import { stationDateTime } from '@shared/dates'
import { roles, type Role } from '@shared/roles'

type Editing =
  | { mode: 'create' }
  | { mode: 'edit'; operator: OperatorView }
  | { mode: 'password'; operator: OperatorView }

interface FormValues {
  username: string
  displayName: string
  role: Role
  password: string
}

export function OperatorsSettings() {
  const { t, roleName } = useI18n()
  const { message } = App.useApp()
  const [rows, setRows] = useState<OperatorView[]>([])
  const [editing, setEditing] = useState<Editing | null>(null)
  const [form] = Form.useForm<FormValues>()

  const load = useCallback(() => unwrap(api.operators.list()).then(setRows), [])
  useEffect(() => {
    void load()
  }, [load])
  // Accounts made or changed on other PCs arrive with the station server's rounds.
  useEffect(
    () =>
      api.on('station.changed', (change) => {
        if (Object.keys(change.registers).length > 0) void load().catch(() => undefined)
      }),
    [load]
  )

  const open = (next: Editing) => {
    form.resetFields()
    if (next.mode === 'edit') form.setFieldsValue(next.operator)
    setEditing(next)
  }

  const submit = async (values: FormValues) => {
    if (!editing) return
    try {
      if (editing.mode === 'create') await unwrap(api.operators.create(values))
      else if (editing.mode === 'edit')
        await unwrap(
          api.operators.update({
            id: editing.operator.id,
            displayName: values.displayName,
            role: values.role
          })
        )
      else
        await unwrap(
          api.operators.resetPassword({ id: editing.operator.id, password: values.password })
        )
      message.success(editing.mode === 'create' ? t('operators.created') : t('operators.updated'))
      setEditing(null)
      await load()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }

  const setActive = async (operator: OperatorView, active: boolean) => {
    try {
      await unwrap(api.operators.update({ id: operator.id, active }))
      await load()
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  return (
    <>
      <Space className="toolbar" direction="vertical">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'create' })}>
          {t('operators.add')}
        </Button>
        <Alert type="info" showIcon title={t('audit.readOnlyHint')} />
      </Space>
      <Table<OperatorView>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('field.username'), dataIndex: 'username' },
          { title: t('field.displayName'), dataIndex: 'displayName' },
          { title: t('field.role'), dataIndex: 'role', render: (role: Role) => roleName(role) },
          {
            title: t('operators.active'),
            render: (_, operator) => (
              <Space>
                <Switch
                  checked={operator.active}
                  onChange={(checked) => void setActive(operator, checked)}
                  checkedChildren={t('operators.enabled')}
                  unCheckedChildren={t('operators.disabled')}
                />
                {operator.passwordChangeRequired ? (
                  <Tag color="orange">{t('operators.mustChange')}</Tag>
                ) : null}
                {operator.lockedUntil && new Date(operator.lockedUntil) > new Date() ? (
                  <Tag color="red">
                    {t('operators.lockedUntil', {
                      time: stationDateTime(new Date(operator.lockedUntil))
                    })}
                  </Tag>
                ) : null}
              </Space>
            )
          },
          {
            title: t('common.actions'),
            render: (_, operator) => (
              <Space>
                <Button onClick={() => open({ mode: 'edit', operator })}>
                  {t('operators.edit')}
                </Button>
                <Button onClick={() => open({ mode: 'password', operator })}>
                  {t('operators.resetPassword')}
                </Button>
              </Space>
            )
          }
        ]}
      />
      <Modal
        open={editing !== null}
        title={
          editing?.mode === 'create'
            ? t('operators.add')
            : editing?.mode === 'edit'
              ? `${t('operators.edit')}：${editing.operator.displayName}`
              : `${t('operators.resetPassword')}：${editing?.operator.displayName ?? ''}`
        }
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {editing?.mode === 'create' ? (
            <Form.Item
              name="username"
              label={t('field.username')}
              rules={[
                { required: true, message: t('field.required', { field: t('field.username') }) }
              ]}
            >
              <Input autoFocus autoComplete="off" maxLength={USERNAME_MAX} />
            </Form.Item>
          ) : null}
          {editing?.mode !== 'password' ? (
            <>
              <Form.Item
                name="displayName"
                label={t('field.displayName')}
                rules={[
                  {
                    required: true,
                    message: t('field.required', { field: t('field.displayName') })
                  }
                ]}
              >
                <Input autoComplete="off" maxLength={DISPLAY_NAME_MAX} />
              </Form.Item>
              <Form.Item
                name="role"
                label={t('field.role')}
                initialValue="clerk"
                rules={[{ required: true }]}
              >
                <Select options={roles.map((role) => ({ value: role, label: roleName(role) }))} />
              </Form.Item>
            </>
          ) : null}
          {editing?.mode !== 'edit' ? (
            <Form.Item
              name="password"
              label={t('field.password')}
              extra={
                <>
                  <div>{t('field.passwordRule')}</div>
                  <div>{t('operators.temporaryPassword')}</div>
                </>
              }
              rules={passwordRules(t, () =>
                editing?.mode === 'password'
                  ? editing.operator.username
                  : (form.getFieldValue('username') as string | undefined)
              )}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  )
}
